import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
// has/lacks: text or a regular expression (~/.../) expected in build.log; a failure names it without dumping the log
def found = { s -> s instanceof java.util.regex.Pattern ? s.matcher(log).find() : log.contains(s) }
def has = { s -> assert found(s) : "build.log lacks: ${s}" }
def lacks = { s -> assert !found(s) : "build.log unexpectedly contains: ${s}" }

has('BUILD SUCCESS')
// suppressed findings are not printed as findings, but counted
lacks('[ERROR] src/main/resources/application.yml:5:5')
has(~/mailports: 2 files read, 2 endpoints found: 0 errors, 0 warnings, 0 infos, 2 suppressed, 0 baselined in \d+ ms/)

def json = new JsonSlurper().parse(new File(basedir, 'target/mailports/mailports-report.json'))
def mp003 = json.findings.find { it.ruleId == 'MP003' }
assert mp003.suppressed == true
assert mp003.suppressionReason == 'the contract-test double listens in plaintext on 465'
assert mp003.line == 5 && mp003.column == 5
def mp014 = json.findings.find { it.ruleId == 'MP014' }
assert mp014.suppressed == true
assert mp014.suppressionReason == 'timeouts are set on the JVM by the platform team (PLAT-42)'
assert json.summary.suppressed == 2
assert !json.findings.any { it.ruleId == 'MP901' }

def sarif = new JsonSlurper().parse(new File(basedir, 'target/mailports/mailports.sarif'))
def r = sarif.runs[0].results.find { it.ruleId == 'MP003' }
assert r.suppressions == [[kind: 'inSource', status: 'accepted', justification: 'the contract-test double listens in plaintext on 465']]
assert r.locations[0].physicalLocation.region.startLine == 5

def junit = new XmlSlurper().parse(new File(basedir, 'target/mailports/mailports-junit.xml'))
assert junit.@skipped.text() == '2' && junit.@failures.text() == '0'
def md = new File(basedir, 'target/mailports/mailports-summary.md').text
assert md.startsWith('## mailports: passed')
assert md.contains('(reason: the contract-test double listens in plaintext on 465)')
true
