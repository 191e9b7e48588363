import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// has/lacks: text or a regular expression (~/.../) expected in build.log; a failure names it without dumping the log
def found = { s -> s instanceof java.util.regex.Pattern ? s.matcher(log).find() : log.contains(s) }
def has = { s -> assert found(s) : "build.log lacks: ${s}" }
def lacks = { s -> assert !found(s) : "build.log unexpectedly contains: ${s}" }
def count = { String s -> log.count(s) }

// run 1 and run 2 (-q): the findings that fail the build, at ERROR, paths relative to the top of the build
def app = '[ERROR] app/src/main/resources/application.yml:5:5: error: [MP003 implicit-tls-port-without-tls] spring.mail '
def notify = '[ERROR] notify/src/main/resources/application.yml:7:7: warning: [MP002 opportunistic-starttls] spring.mail '
assert count(app) == 2 : "expected in runs 1 and 2: ${app}"
assert count(notify) == 2 : "notify's WARNING is at ERROR level, its failOn being WARNING: ${notify}"
has('  see: mvn mailports:rule -Drule=MP003')
// the goal ran through its prefix, from the plugin the POM declares. Maven 3.9 prints the prefix in the execution
// header ("--- mailports:0.1.0:verify"), 3.6.3 and 3.8 the artifact id ("--- mailports-maven-plugin:0.1.0:verify"):
// accept both, as the README promises 3.6.3 (moved here from the prefix-resolution build, now in-process)
has(~/--- (mailports|mailports-maven-plugin):[^:\s]+:verify \(default-cli\) @ reactor ---/)
// one summary per project, named, with the counts per rule
has(~/mailports: app: 1 file read, 1 endpoint found: 1 error, 0 warnings, 0 infos, 0 suppressed, 0 baselined in \d+ ms; by rule: MP003 1/)
has(~/mailports: notify: 1 file read, 1 endpoint found: 0 errors, 1 warning, 0 infos, 0 suppressed, 0 baselined in \d+ ms; by rule: MP002 1/)
has(~/mailports: clean: 1 file read, 1 endpoint found: 0 errors/)
// the parent read its own file, not its modules' ones
has(~/mailports: reactor: 1 file read, 0 endpoints found/)
// the failure message gives the counts, module by module
has('mailports: 1 error at or above ERROR in 1 file (MP003 1) in app (app); 1 finding at or above WARNING in 1 file (MP002 1) in notify (notify) (see above)')

// each module's report in its own folder, paths relative to the module (as the baseline keys them)
def appReport = new JsonSlurper().parse(new File(basedir, 'app/target/mailports/mailports-report.json'))
assert appReport.findings*.ruleId == ['MP003']
assert appReport.findings[0].file == 'src/main/resources/application.yml'
def notifyReport = new JsonSlurper().parse(new File(basedir, 'notify/target/mailports/mailports-report.json'))
assert notifyReport.findings*.ruleId == ['MP002']
// run 2 wrote json only: the SARIF of run 1 is gone, so the folder never mixes two runs
assert !new File(basedir, 'app/target/mailports/mailports.sarif').exists()

// runs 3 and 4: the same findings recorded both times, the baselines and reports never read back
def recorded = log.readLines().findAll { it.contains('mailports: recorded ') }
assert recorded.size() == 4 : recorded  // app and notify, twice; reactor and clean have no findings and get no file
assert recorded.findAll { it.contains('app/mailports-baseline.json') }.every { it.contains('recorded 1 finding (MP003: 1)') } : recorded
assert !new File(basedir, 'clean/mailports-baseline.json').exists()
assert !new File(basedir, 'mailports-baseline.json').exists()
def baseline = new JsonSlurper().parse(new File(basedir, 'notify/mailports-baseline.json'))
assert baseline.findings*.ruleId == ['MP002']
assert baseline.findings*.file == ['src/main/resources/application.yml']

assert log.readLines().findAll { it ==~ /\[INFO\] BUILD (SUCCESS|FAILURE)/ } == ['[INFO] BUILD FAILURE', '[INFO] BUILD SUCCESS', '[INFO] BUILD SUCCESS']
true
