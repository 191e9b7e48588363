import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// has/lacks: text or a regular expression (~/.../) expected in build.log; a failure names it without dumping the log
def found = { s -> s instanceof java.util.regex.Pattern ? s.matcher(log).find() : log.contains(s) }
def has = { s -> assert found(s) : "build.log lacks: ${s}" }
def lacks = { s -> assert !found(s) : "build.log unexpectedly contains: ${s}" }
def app = new File(basedir, 'gradle-app')

// Maven ran without a POM: the stub project
has('Building Maven Stub Project (No POM)')
lacks('are missing or invalid')
// the default baseline file is looked for in the current directory, not in a folder named '${project.basedir}'
lacks('does not exist, so no finding is baselined')

// paths are relative to the current directory, from the top level and from src/main/resources
def expected = [
        '[ERROR] mail.properties:5:1: error: [MP006 server-identity-check-disabled] mail.imaps ',
        '[ERROR] src/main/resources/application.yml:14:13: error: [MP002 opportunistic-starttls] spring.mail ',
]
expected.each { line -> assert log.count(line) == 2 : "expected twice (once per invocation): ${line}" }
assert log.count('mailports: 2 files read, 2 endpoints found: 2 errors, 0 warnings, 0 infos, 0 suppressed, 0 baselined in ') == 2
def results = log.readLines().findAll { it ==~ /\[INFO\] BUILD (SUCCESS|FAILURE)/ }
assert results == ['[INFO] BUILD FAILURE', '[INFO] BUILD SUCCESS']
has(~/mailports: \d+ (errors?|findings?) at or above ERROR in \d+ files? \(MP\d{3} \d+/)

// invocation 1 wrote to the default target/mailports, invocation 2 to build/mailports, both under the current directory
[new File(app, 'target/mailports/mailports-report.json'), new File(app, 'build/mailports/mailports-report.json')].each { reportFile ->
    assert reportFile.isFile() : "no report at ${reportFile}"
    def json = new JsonSlurper().parse(reportFile)
    assert json.findings.collect { [it.ruleId, it.file, it.line, it.column, it.key] } == [
            ['MP006', 'mail.properties', 5, 1, 'mail.imaps.ssl.checkserveridentity'],
            ['MP002', 'src/main/resources/application.yml', 14, 13, 'spring.mail.properties.mail.smtp.starttls.enable'],
    ]
    assert json.endpoints*.id.sort() == ['mail.imaps', 'spring.mail']
    assert json.summary.files == 2
    assert json.summary.endpoints == 2
    assert json.summary.errors == 2
    assert json.summary.warnings == 0
    assert json.summary.durationMs instanceof Number
}

// no folder named after an uninterpolated expression such as ${project.basedir}
def stray = []
app.eachFileRecurse { if (it.name.contains('${')) stray << it }
assert stray.isEmpty() : "stray files: ${stray}"
true
