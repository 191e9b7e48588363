import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// has/lacks: text or a regular expression (~/.../) expected in build.log; a failure names it without dumping the log
def found = { s -> s instanceof java.util.regex.Pattern ? s.matcher(log).find() : log.contains(s) }
def has = { s -> assert found(s) : "build.log lacks: ${s}" }
def lacks = { s -> assert !found(s) : "build.log unexpectedly contains: ${s}" }

def file = 'src/main/resources/logback-spring.xml'
// SSL and STARTTLS together: Logback applies neither; the finding names the <STARTTLS> element's line and column
has("[ERROR] ${file}:8:5: error: [MP001 cleartext-connection] logback:ALERTS connects to smtp://smtp.example.com:587"
        + ' without any encryption')
has("[WARNING] ${file}:8:5: warning: [MP018 conflicting-tls-settings] logback:ALERTS asks for both implicit TLS and"
        + ' STARTTLS on smtp://smtp.example.com:587: the library applies neither, so the connection is cleartext')
has("${file}:5:5: info: [MP014 missing-timeouts] logback:ALERTS")
// fixes in Logback's own dialect
has('fix: set <SSL>true</SSL> and <smtpPort>465</smtpPort> in the appender')
has('fix: remove <STARTTLS>: with both, Logback applies neither')
has('-Dmail.smtp.connectiontimeout=10000')
has(~/\[INFO\] mailports: 2 files read, 1 endpoint found: 1 error, 1 warning, 1 info, 0 suppressed, 0 baselined in \d+ ms/)
has(~/mailports: \d+ (errors?|findings?) at or above ERROR in \d+ files? \(MP\d{3} \d+/)
has('BUILD FAILURE')
lacks('NullPointerException')
lacks('SMTP_PASSWORD')

def json = new JsonSlurper().parse(new File(basedir, 'target/mailports/mailports-report.json'))
assert json.findings*.ruleId.sort() == ['MP001', 'MP014', 'MP018']
def mp001 = json.findings.find { it.ruleId == 'MP001' }
assert mp001.file == file
assert mp001.line == 8 && mp001.column == 5
assert mp001.key == 'STARTTLS'
assert mp001.endpoint == 'logback:ALERTS'
assert mp001.profiles == ['default']
assert json.endpoints.size() == 1
def e = json.endpoints[0]
assert e.id == 'logback:ALERTS'
assert e.source == 'logback'
assert e.file == file
assert e.host == 'smtp.example.com'
assert e.port == 587
assert e.encryption == 'NONE'
assert json.summary.files == 2
assert json.summary.endpoints == 1
true
