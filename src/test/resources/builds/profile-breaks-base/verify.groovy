import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// has/lacks: text or a regular expression (~/.../) expected in build.log; a failure names it without dumping the log
def found = { s -> s instanceof java.util.regex.Pattern ? s.matcher(log).find() : log.contains(s) }
def has = { s -> assert found(s) : "build.log lacks: ${s}" }
def lacks = { s -> assert !found(s) : "build.log unexpectedly contains: ${s}" }

// the finding points at the profile file's line, and the message names the profile
has('[ERROR] src/main/resources/application-prod.yml:6:5: error: [MP003 implicit-tls-port-without-tls] '
        + 'spring.mail (profile prod) connects to smtp://smtp.mailprovider.example:465 with required STARTTLS instead of TLS')
// the base file alone is fine: STARTTLS on 587 is required, so only the INFO recommendation remains
has('[INFO] src/main/resources/application.yml:14:13: info: [MP013 prefer-implicit-tls] spring.mail connects to smtp://smtp.example.com:587')
lacks(~/\[ERROR\] src\/main\/resources\/application\.yml:/)
has(~/\[INFO\] mailports: 2 files read, 2 endpoints found: 1 error, 0 warnings, 1 info, 0 suppressed, 0 baselined in \d+ ms/)
has(~/mailports: \d+ (errors?|findings?) at or above ERROR in \d+ files? \(MP\d{3} \d+/)
has('BUILD FAILURE')

def json = new JsonSlurper().parse(new File(basedir, 'target/mailports/mailports-report.json'))
def errors = json.findings.findAll { it.severity == 'ERROR' }
assert errors.size() == 1
def f = errors[0]
assert f.ruleId == 'MP003'
assert f.file == 'src/main/resources/application-prod.yml'
assert f.line == 6 && f.column == 5
assert f.key == 'spring.mail.port'
assert f.profiles == ['prod']
assert f.message.contains('profile prod')
def info = json.findings.find { it.ruleId == 'MP013' }
assert info.profiles == ['default'] && info.file == 'src/main/resources/application.yml'
assert json.findings.size() == 2

def prod = json.endpoints.find { it.profiles == ['prod'] }
assert prod.file == 'src/main/resources/application-prod.yml'
assert prod.host == 'smtp.mailprovider.example' && prod.port == 465 && prod.encryption == 'STARTTLS_REQUIRED'
def base = json.endpoints.find { it.profiles == ['default'] }
assert base.host == 'smtp.example.com' && base.port == 587 && base.encryption == 'STARTTLS_REQUIRED'
assert json.summary.files == 2
assert json.summary.endpoints == 2
assert json.summary.errors == 1
assert json.summary.warnings == 0
assert json.summary.infos == 1
assert json.summary.durationMs instanceof Number
true
