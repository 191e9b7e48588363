import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// has/lacks: text or a regular expression (~/.../) expected in build.log; a failure names it without dumping the log
def found = { s -> s instanceof java.util.regex.Pattern ? s.matcher(log).find() : log.contains(s) }
def has = { s -> assert found(s) : "build.log lacks: ${s}" }
def lacks = { s -> assert !found(s) : "build.log unexpectedly contains: ${s}" }

// each unreadable file is one MP900 finding at the position of the problem, not a stack trace
has('[ERROR] src/main/resources/application-staging.yml:5:13: error: [MP900 parse-error] '
        + 'src/main/resources/application-staging.yml cannot be parsed: ')
has('[ERROR] src/main/resources/mail.properties:3:23: error: [MP900 parse-error] '
        + 'src/main/resources/mail.properties cannot be parsed: malformed \\uXXXX escape')
has('the other files were still checked')
// the good file was still checked: its own finding is there
has('[ERROR] src/main/resources/application.yml:4:5: error: [MP003 implicit-tls-port-without-tls] ')
has(~/\[INFO\] mailports: 3 files read, 1 endpoint found: 3 errors, 0 warnings, 0 infos, 0 suppressed, 0 baselined in \d+ ms/)
has(~/mailports: \d+ (errors?|findings?) at or above ERROR in \d+ files? \(MP\d{3} \d+/)
lacks('YAMLException')
lacks('IllegalArgumentException')

def json = new JsonSlurper().parse(new File(basedir, 'target/mailports/mailports-report.json'))
assert json.findings.collect { [it.ruleId, it.file, it.line, it.column] } == [
        ['MP900', 'src/main/resources/application-staging.yml', 5, 13],
        ['MP003', 'src/main/resources/application.yml', 4, 5],
        ['MP900', 'src/main/resources/mail.properties', 3, 23],
]
json.findings.findAll { it.ruleId == 'MP900' }.each {
    assert it.name == 'parse-error'
    assert it.severity == 'ERROR'
}
assert json.endpoints*.file == ['src/main/resources/application.yml']
assert json.summary.files == 3
assert json.summary.endpoints == 1
assert json.summary.errors == 3
assert json.summary.durationMs instanceof Number
true
