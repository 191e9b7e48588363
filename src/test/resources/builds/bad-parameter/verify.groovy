def log = new File(basedir, 'build.log').text
// has/lacks: text or a regular expression (~/.../) expected in build.log; a failure names it without dumping the log
def found = { s -> s instanceof java.util.regex.Pattern ? s.matcher(log).find() : log.contains(s) }
def has = { s -> assert found(s) : "build.log lacks: ${s}" }
def lacks = { s -> assert !found(s) : "build.log unexpectedly contains: ${s}" }

def failures = log.readLines().findAll { it.startsWith('[ERROR] Failed to execute goal io.github.mailports:mailports-maven-plugin:') }
assert failures.size() == 5
assert failures[0].contains(": mailports: failOn must be ERROR, WARNING, INFO or NONE, not 'SOMETIMES'")
assert failures[1].contains(": mailports: unknown rule id 'MP999': known ids are MP001, ")
assert failures[2].contains(": mailports: rule MP014: unknown level 'LOUD': use ERROR, WARNING, INFO or OFF")
assert failures[3].contains(": mailports: unknown report format 'xml': use any of ")
assert failures[4].contains(": mailports: unknown rule id 'MP1': known ids are MP001, ")
lacks('BUILD SUCCESS')

// a configuration error stops before anything is checked or written
lacks(~/mailports: \d+ files? read/)
lacks('MP001 cleartext-connection')
assert !new File(basedir, 'target/mailports').exists()
true
