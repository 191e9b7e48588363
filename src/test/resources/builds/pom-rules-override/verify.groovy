import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// has/lacks: text or a regular expression (~/.../) expected in build.log; a failure names it without dumping the log
def found = { s -> s instanceof java.util.regex.Pattern ? s.matcher(log).find() : log.contains(s) }
def has = { s -> assert found(s) : "build.log lacks: ${s}" }
def lacks = { s -> assert !found(s) : "build.log unexpectedly contains: ${s}" }

def json = new JsonSlurper().parse(new File(basedir, 'target/default/mailports-report.json'))
def mp014 = json.findings.find { it.ruleId == 'MP014' }
assert mp014 != null && mp014.severity == 'WARNING'
assert !json.findings.any { it.ruleId == 'MP012' }
assert json.summary.warnings == 1
has(~/\[WARNING\] src\/main\/resources\/mail\.properties:\d+:\d+: warning: \[MP014 missing-timeouts\]/)
has(~/mailports: \d+ (errors?|findings?) at or above WARNING in \d+ files? \(MP\d{3} \d+/)

// the SARIF result carries the configured level; the rule keeps its documented default
def sarif = new JsonSlurper().parse(new File(basedir, 'target/default/mailports.sarif'))
def result = sarif.runs[0].results.find { it.ruleId == 'MP014' }
assert result.level == 'warning'
assert sarif.runs[0].tool.driver.rules[result.ruleIndex].defaultConfiguration.level == 'note'
true
