import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
// has/lacks: text or a regular expression (~/.../) expected in build.log; a failure names it without dumping the log
def found = { s -> s instanceof java.util.regex.Pattern ? s.matcher(log).find() : log.contains(s) }
def has = { s -> assert found(s) : "build.log lacks: ${s}" }
def lacks = { s -> assert !found(s) : "build.log unexpectedly contains: ${s}" }

// build.log holds all five invocations, in order
has(~/mailports: \d+ (errors?|findings?) at or above WARNING in \d+ files? \(MP\d{3} \d+/)
has(~/mailports: \d+ (errors?|findings?) at or above INFO in \d+ files? \(MP\d{3} \d+/)
lacks(~/at or above ERROR in \d+ file/)
has('[WARNING] src/main/resources/application.yml:7:7: warning: [MP002 opportunistic-starttls]')
has(~/\[INFO\] src\/main\/resources\/mail\.properties:\d+:1: info: \[MP014 missing-timeouts\]/)

def report = { dir -> new JsonSlurper().parse(new File(basedir, "target/${dir}/mailports-report.json")) }
def both = report('error')
assert both.findings.collect { it.ruleId } == ['MP002', 'MP014']
assert both.findings.collect { it.severity } == ['WARNING', 'INFO']
assert report('warning').findings.collect { it.ruleId } == ['MP002', 'MP014']
assert report('info').findings.collect { it.ruleId } == ['MP014']
assert report('info').summary.files == 1
assert report('info-at-warning').findings.collect { it.ruleId } == ['MP014']
assert report('none').summary.warnings == 1 && report('none').summary.infos == 1

def junit = new XmlSlurper().parse(new File(basedir, 'target/none/mailports-junit.xml'))
assert junit.@failures.text() == '0'
assert junit.@tests.text() == '2'
assert junit.testsuite.size() == 2
// failOn=NONE: the SARIF report was not selected in run 5
assert !new File(basedir, 'target/none/mailports.sarif').exists()
assert new File(basedir, 'target/error/mailports.sarif').isFile()
true
