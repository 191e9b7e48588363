def log = new File(basedir, 'build.log').text
// has/lacks: text or a regular expression (~/.../) expected in build.log; a failure names it without dumping the log
def found = { s -> s instanceof java.util.regex.Pattern ? s.matcher(log).find() : log.contains(s) }
def has = { s -> assert found(s) : "build.log lacks: ${s}" }
def lacks = { s -> assert !found(s) : "build.log unexpectedly contains: ${s}" }

has('[INFO] mailports: skipped (mailports.skip=true)')
has('BUILD SUCCESS')
// nothing was checked: no finding, no summary, no report
lacks('MP003')
lacks(~/mailports: \d+ files? read/)
assert !new File(basedir, 'target/mailports').exists()
true
