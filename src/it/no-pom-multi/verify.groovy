def ro = new File(basedir, 'gradle/ro-out')
try { ['chattr', '-i', ro.path].execute().waitFor() } catch (IOException ignored) { }
ro.setWritable(true, false)

def log = new File(basedir, 'build.log').text
// has/lacks: text or a regular expression (~/.../) expected in build.log; a failure names it without dumping the log
def found = { s -> s instanceof java.util.regex.Pattern ? s.matcher(log).find() : log.contains(s) }
def has = { s -> assert found(s) : "build.log lacks: ${s}" }
def lacks = { s -> assert !found(s) : "build.log unexpectedly contains: ${s}" }

// 1: every module below the current directory, paths relative to it
has('[ERROR] app/src/main/resources/application.yml:5:5: error: [MP003 implicit-tls-port-without-tls] spring.mail ')
has('[WARNING] notify/src/main/resources/application.yml:7:7: warning: [MP002 opportunistic-starttls] spring.mail ')
has(~/mailports: 3 files read, 3 endpoints found: 1 error, 1 warning, 0 infos, 0 suppressed, 0 baselined in \d+ ms; by rule: MP002 1, MP003 1/)
has('mailports: 1 error at or above ERROR in 1 file (MP003 1) (see above)')

// 2: Gradle: both services and the top config/, never test resources or build output
has('[ERROR] service-a/src/main/resources/application.yml:5:5: error: [MP003 implicit-tls-port-without-tls]')
has('[ERROR] service-b/src/main/resources/mail.properties:5:1: error: [MP006 server-identity-check-disabled]')
has(~/mailports: 3 files read, 2 endpoints found: 2 errors, 0 warnings, 0 infos, 0 suppressed, 0 baselined in \d+ ms; by rule: MP003 1, MP006 1/)
lacks('[MP001 ')
lacks('mail.test.example.com')
if (new File(basedir, 'ro-writable.txt').text == 'false') {
    // the findings above were printed before the write failed; the error names the folder and says why
    def error = 'mailports: cannot write the reports: ro-out is a folder that cannot be written to (read-only)'
    has(error)
    assert log.indexOf('[ERROR] service-a/src/main/resources/application.yml:5:5') < log.indexOf(error)
} else {
    println 'no-pom-multi: this user writes through a read-only folder (root without the immutable flag): write error not checked'
}

// 3: the rule page
has('# MP003 implicit-tls-port-without-tls')
has('## Why it is a problem')
def results = log.readLines().findAll { it ==~ /\[INFO\] BUILD (SUCCESS|FAILURE)/ }
assert results == ['[INFO] BUILD FAILURE', '[INFO] BUILD FAILURE', '[INFO] BUILD SUCCESS']
true
