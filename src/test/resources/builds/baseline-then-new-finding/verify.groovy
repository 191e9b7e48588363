import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// has/lacks: text or a regular expression (~/.../) expected in build.log; a failure names it without dumping the log
def found = { s -> s instanceof java.util.regex.Pattern ? s.matcher(log).find() : log.contains(s) }
def has = { s -> assert found(s) : "build.log lacks: ${s}" }
def lacks = { s -> assert !found(s) : "build.log unexpectedly contains: ${s}" }

def baselineFile = new File(basedir, 'mailports-baseline.json')
assert baselineFile.isFile()
def text = baselineFile.text
assert !text.contains('\\') : 'paths use /'
assert !text.contains(basedir.absolutePath) : 'paths are relative'
assert !text.contains('"line"') : 'entries are not keyed by line'
def baseline = new JsonSlurper().parse(baselineFile)
assert baseline.version == 1
assert baseline.findings*.ruleId == ['MP007', 'MP013']
def mp007 = baseline.findings.find { it.ruleId == 'MP007' }
assert mp007.file == 'src/main/resources/application.yml'
assert mp007.key == 'spring.mail.properties.mail.smtp.ssl.trust'
assert mp007.endpoint == 'spring.mail' && mp007.profiles == ['default']
has('mailports: recorded 2 findings (MP007: 1, MP013: 1) in ')

// run 2: reported as baselined, not printed as errors, no failure
has('mailports: using the baseline ')
def ok = new JsonSlurper().parse(new File(basedir, 'target/baselined/mailports-report.json'))
assert ok.findings.every { it.baselined }
assert ok.summary.baselined == 2 && ok.summary.errors == 0
def sarif = new JsonSlurper().parse(new File(basedir, 'target/baselined/mailports.sarif'))
assert sarif.runs[0].results.every { it.suppressions[0].kind == 'external' }

// run 3: the baselined MP007 still passes, the new MP003 fails
def next = new JsonSlurper().parse(new File(basedir, 'target/new/mailports-report.json'))
assert next.findings.find { it.ruleId == 'MP007' }.baselined
def mp003 = next.findings.find { it.ruleId == 'MP003' }
assert mp003 != null && !mp003.baselined && mp003.severity == 'ERROR'
assert next.summary.errors == 1
has('[ERROR] src/main/resources/application.yml:4:5: error: [MP003 implicit-tls-port-without-tls]')
has(~/mailports: \d+ (errors?|findings?) at or above ERROR in \d+ files? \(MP\d{3} \d+/)
// the MP013 entry (587 with STARTTLS) no longer matches: the user is told it can be dropped
has('1 baseline entry in mailports-baseline.json matched no finding')
true
