import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// has/lacks: text or a regular expression (~/.../) expected in build.log; a failure names it without dumping the log
def found = { s -> s instanceof java.util.regex.Pattern ? s.matcher(log).find() : log.contains(s) }
def has = { s -> assert found(s) : "build.log lacks: ${s}" }
def lacks = { s -> assert !found(s) : "build.log unexpectedly contains: ${s}" }

has('[WARNING] src/main/resources/application.yml:5:5: warning: [MP901 unused-suppression] mailports:disable-next-line MP002 suppressed nothing')
has('\n  see: mvn mailports:rule -Drule=MP901')
has(~/mailports: \d+ (errors?|findings?) at or above WARNING in \d+ files? \(MP\d{3} \d+/)

def json = new JsonSlurper().parse(new File(basedir, 'target/default/mailports-report.json'))
assert json.findings.size() == 1
def f = json.findings[0]
assert f.ruleId == 'MP901' && f.severity == 'WARNING'
assert f.file == 'src/main/resources/application.yml' && f.line == 5 && f.column == 5
assert !f.suppressed
true
