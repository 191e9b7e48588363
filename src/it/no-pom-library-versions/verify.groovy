import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// has/lacks: text or a regular expression (~/.../) expected in build.log; a failure names it without dumping the log
def found = { s -> s instanceof java.util.regex.Pattern ? s.matcher(log).find() : log.contains(s) }
def has = { s -> assert found(s) : "build.log lacks: ${s}" }

// run 1: the version from gradle.lockfile
has('[ERROR] mail.properties:2:1: error: [MP006 server-identity-check-disabled] mail.smtps JavaMail 1.6.2 '
        + '(com.sun.mail:javax.mail) does not check the server\'s identity unless mail.smtps.ssl.checkserveridentity=true')
// run 2: the parameter adds Angus Mail 2.0.3, which checks: not every implementation leaves the check off
def second = new JsonSlurper().parse(new File(basedir, 'gradle-app/build/second/mailports-report.json'))
assert second.summary.errors == 0
def libs = second.endpoints[0].libraries
assert libs*.coordinates.containsAll(['org.eclipse.angus:angus-mail', 'com.sun.mail:javax.mail']) : libs
def first = new JsonSlurper().parse(new File(basedir, 'gradle-app/target/mailports/mailports-report.json'))
assert first.summary.errors == 1
assert first.endpoints[0].libraries == [[coordinates: 'com.sun.mail:javax.mail', version: '1.6.2']]
