import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// has/lacks: text or a regular expression (~/.../) expected in build.log; a failure names it without dumping the log
def found = { s -> s instanceof java.util.regex.Pattern ? s.matcher(log).find() : log.contains(s) }
def has = { s -> assert found(s) : "build.log lacks: ${s}" }
def lacks = { s -> assert !found(s) : "build.log unexpectedly contains: ${s}" }

has(~/\[INFO\] mailports: 2 files read, 2 endpoints found: 0 errors, 0 warnings, 1 info, 0 suppressed, 0 baselined in \d+ ms/)
// STARTTLS on 587 is acceptable; implicit TLS is only recommended (MP013 is INFO and does not fail the build)
has('[INFO] src/main/resources/mail.properties:7:1: info: [MP013 prefer-implicit-tls] ')
lacks(': error: [')
lacks(': warning: [')
lacks('[ERROR]')
has('BUILD SUCCESS')

def json = new JsonSlurper().parse(new File(basedir, 'target/mailports/mailports-report.json'))
assert json.summary.files == 2
assert json.summary.endpoints == 2
assert json.summary.errors == 0
assert json.summary.warnings == 0
assert json.summary.infos == 1
assert json.summary.durationMs instanceof Number
assert json.findings*.ruleId == ['MP013']
assert json.findings[0].file == 'src/main/resources/mail.properties'
assert json.findings[0].line == 7 && json.findings[0].column == 1
assert json.findings[0].severity == 'INFO'

def spring = json.endpoints.find { it.id == 'spring.mail' }
assert spring.source == 'spring-boot'
assert spring.port == 465 && spring.encryption == 'IMPLICIT_TLS'
def jakarta = json.endpoints.find { it.id == 'mail.smtp' }
assert jakarta.file == 'src/main/resources/mail.properties'
assert jakarta.port == 587 && jakarta.encryption == 'STARTTLS_REQUIRED'
true
