import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// has/lacks: text or a regular expression (~/.../) expected in build.log; a failure names it without dumping the log
def found = { s -> s instanceof java.util.regex.Pattern ? s.matcher(log).find() : log.contains(s) }
def has = { s -> assert found(s) : "build.log lacks: ${s}" }
def lacks = { s -> assert !found(s) : "build.log unexpectedly contains: ${s}" }

// the plugin declared without an execution, its goal called as mailports:verify (that Maven resolves the prefix from
// the POM is shown by the reactor IT in src/it, which starts Maven with the bare prefix)
has(~/mailports: 1 file read, 1 endpoint found: 0 errors, 0 warnings, 0 infos, 0 suppressed, 0 baselined in \d+ ms/)
has('BUILD SUCCESS')
def json = new JsonSlurper().parse(new File(basedir, 'target/mailports/mailports-report.json'))
assert json.findings.isEmpty()
assert json.endpoints[0].encryption == 'IMPLICIT_TLS'
true
