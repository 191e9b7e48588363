import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// has/lacks: text or a regular expression (~/.../) expected in build.log; a failure names it without dumping the log
def found = { s -> s instanceof java.util.regex.Pattern ? s.matcher(log).find() : log.contains(s) }
def has = { s -> assert found(s) : "build.log lacks: ${s}" }
def lacks = { s -> assert !found(s) : "build.log unexpectedly contains: ${s}" }

has(~/\[INFO\] mailports: 1 file read, 0 endpoints found: 0 errors, 0 warnings, 0 infos, 0 suppressed, 0 baselined in \d+ ms/)
lacks(~/: (error|warning|info): \[MP/)
has('BUILD SUCCESS')

def json = new JsonSlurper().parse(new File(basedir, 'target/mailports/mailports-report.json'))
assert json.findings == []
assert json.endpoints == []
assert json.summary.files == 1
assert json.summary.endpoints == 0
assert json.summary.errors == 0
assert json.summary.warnings == 0
assert json.summary.infos == 0
assert json.summary.durationMs instanceof Number
true
