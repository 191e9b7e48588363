import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// has/lacks: text or a regular expression (~/.../) expected in build.log; a failure names it without dumping the log
def found = { s -> s instanceof java.util.regex.Pattern ? s.matcher(log).find() : log.contains(s) }
def has = { s -> assert found(s) : "build.log lacks: ${s}" }
def lacks = { s -> assert !found(s) : "build.log unexpectedly contains: ${s}" }

// failOn NONE reports, but never fails
has('BUILD SUCCESS')
lacks(~/at or above \w+ in \d+ file/)
// every finding is still printed, at its own level, sorted by file, line and column
def lines = log.readLines().findAll { it =~ /^\[(ERROR|WARNING|INFO)\] src\/main\/resources\/application\.properties:\d+:\d+: / }
assert lines.collect { it.substring(0, it.indexOf(']', it.indexOf(': [')) + 1) } == [
        '[WARNING] src/main/resources/application.properties:4:1: warning: [MP011 relay-port-for-submission]',
        '[WARNING] src/main/resources/application.properties:6:1: warning: [MP015 hardcoded-password]',
        '[ERROR] src/main/resources/application.properties:8:1: error: [MP007 certificate-trust-disabled]',
        '[ERROR] src/main/resources/application.properties:9:1: error: [MP002 opportunistic-starttls]',
]
assert lines.every { it.contains('spring.mail ') }
assert lines[0].contains('smtp://smtp.example.com:25')
has(~/\[INFO\] mailports: 1 file read, 1 endpoint found: 2 errors, 2 warnings, 0 infos, 0 suppressed, 0 baselined in \d+ ms/)
// the literal password is never printed
lacks('hunter2')

def reportFile = new File(basedir, 'target/mailports/mailports-report.json')
assert !reportFile.text.contains('hunter2')
def json = new JsonSlurper().parse(reportFile)
assert json.findings.collect { [it.ruleId, it.severity, it.file, it.line, it.column] } == [
        ['MP011', 'WARNING', 'src/main/resources/application.properties', 4, 1],
        ['MP015', 'WARNING', 'src/main/resources/application.properties', 6, 1],
        ['MP007', 'ERROR', 'src/main/resources/application.properties', 8, 1],
        ['MP002', 'ERROR', 'src/main/resources/application.properties', 9, 1],
]
assert json.findings.find { it.ruleId == 'MP007' }.key == 'spring.mail.properties.mail.smtp.ssl.trust'
assert json.findings.find { it.ruleId == 'MP015' }.key == 'spring.mail.password'
assert json.endpoints.size() == 1
assert json.endpoints[0].port == 25 && json.endpoints[0].encryption == 'STARTTLS_OPTIONAL'
assert json.summary.files == 1
assert json.summary.endpoints == 1
assert json.summary.errors == 2
assert json.summary.warnings == 2
assert json.summary.infos == 0
assert json.summary.durationMs instanceof Number
true
