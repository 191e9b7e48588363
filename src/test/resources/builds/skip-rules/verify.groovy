import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// has/lacks: text or a regular expression (~/.../) expected in build.log; a failure names it without dumping the log
def found = { s -> s instanceof java.util.regex.Pattern ? s.matcher(log).find() : log.contains(s) }
def has = { s -> assert found(s) : "build.log lacks: ${s}" }
def lacks = { s -> assert !found(s) : "build.log unexpectedly contains: ${s}" }

def all = new JsonSlurper().parse(new File(basedir, 'target/all/mailports-report.json'))
assert all.findings*.ruleId.containsAll(['MP003', 'MP012', 'MP014'])

def json = new JsonSlurper().parse(new File(basedir, 'target/mailports/mailports-report.json'))
def ids = json.findings*.ruleId
assert !ids.contains('MP003') && !ids.contains('MP012')
assert ids.contains('MP014')
assert json.summary.errors == 0

has("mailports: unknown rule id 'MP03': known ids are MP001, MP002")
assert !new File(basedir, 'target/bad').exists() : 'a bad configuration writes no report'
true
