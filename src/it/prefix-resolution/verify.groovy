import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// has/lacks: text or a regular expression (~/.../) expected in build.log; a failure names it without dumping the log
def found = { s -> s instanceof java.util.regex.Pattern ? s.matcher(log).find() : log.contains(s) }
def has = { s -> assert found(s) : "build.log lacks: ${s}" }
def lacks = { s -> assert !found(s) : "build.log unexpectedly contains: ${s}" }

// the goal ran through its prefix, from the plugin the POM declares. Maven 3.9 prints the prefix in the execution
// header ("--- mailports:0.1.0:verify"), 3.6.3 and 3.8 the artifact id ("--- mailports-maven-plugin:0.1.0:verify"):
// accept both, as the README promises 3.6.3
has(~/--- (mailports|mailports-maven-plugin):[^:\s]+:verify \(default-cli\) @ prefix-resolution ---/)
has(~/mailports: 1 file read, 1 endpoint found: 0 errors, 0 warnings, 0 infos, 0 suppressed, 0 baselined in \d+ ms/)
has('BUILD SUCCESS')
def json = new JsonSlurper().parse(new File(basedir, 'target/mailports/mailports-report.json'))
assert json.findings.isEmpty()
assert json.endpoints[0].encryption == 'IMPLICIT_TLS'
true
