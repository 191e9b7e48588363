import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// has/lacks: text or a regular expression (~/.../) expected in build.log; a failure names it without dumping the log
def found = { s -> s instanceof java.util.regex.Pattern ? s.matcher(log).find() : log.contains(s) }
def has = { s -> assert found(s) : "build.log lacks: ${s}" }
def lacks = { s -> assert !found(s) : "build.log unexpectedly contains: ${s}" }

// the finding, compiler style, so IDEs and CI link it
has('[ERROR] src/main/resources/application.yml:10:5: error: [MP003 implicit-tls-port-without-tls] '
        + 'spring.mail connects to smtp://smtp.example.com:465 with required STARTTLS instead of TLS')
has('\n  fix: set spring.mail.properties.mail.smtp.ssl.enable: true')
has('\n  see: mvn mailports:rule -Drule=MP003')
has(~/\[INFO\] mailports: 1 file read, 1 endpoint found: 1 error, 0 warnings, 0 infos, 0 suppressed, 0 baselined in \d+ ms/)
// the build fails because of the finding, not because of a crash
has(~/mailports: \d+ (errors?|findings?) at or above ERROR in \d+ files? \(MP\d{3} \d+/)
has('BUILD FAILURE')
lacks('NullPointerException')
// the password placeholder is never resolved into any output
lacks('MAIL_PASSWORD')

// the report is written before the build fails
def json = new JsonSlurper().parse(new File(basedir, 'target/mailports/mailports-report.json'))
assert json.tool.name == 'mailports'
assert json.findings.size() == 1
def f = json.findings[0]
assert f.ruleId == 'MP003'
assert f.name == 'implicit-tls-port-without-tls'
assert f.severity == 'ERROR'
assert f.file == 'src/main/resources/application.yml'
assert f.line == 10 && f.column == 5
assert f.key == 'spring.mail.port'
assert f.profiles == ['default']
assert f.endpoint == 'spring.mail'
assert !f.suppressed && !f.baselined
assert json.endpoints.size() == 1
assert json.endpoints[0].host == 'smtp.example.com'
assert json.endpoints[0].port == 465
assert json.endpoints[0].encryption == 'STARTTLS_REQUIRED'
assert json.summary.files == 1
assert json.summary.endpoints == 1
assert json.summary.errors == 1
assert json.summary.warnings == 0
assert json.summary.infos == 0
assert json.summary.suppressed == 0
assert json.summary.baselined == 0
assert json.summary.durationMs instanceof Number && json.summary.durationMs >= 0

// SARIF is a default format too: the same finding, for code scanning
def sarif = new JsonSlurper().parse(new File(basedir, 'target/mailports/mailports.sarif'))
assert sarif.version == '2.1.0'
def results = sarif.runs[0].results
assert results.size() == 1
assert results[0].ruleId == 'MP003'
assert results[0].locations[0].physicalLocation.region.startLine == 10
assert results[0].locations[0].physicalLocation.region.startColumn == 5
true
