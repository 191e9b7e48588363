import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// has/lacks: text or a regular expression (~/.../) expected in build.log; a failure names it without dumping the log
def found = { s -> s instanceof java.util.regex.Pattern ? s.matcher(log).find() : log.contains(s) }
def has = { s -> assert found(s) : "build.log lacks: ${s}" }
def lacks = { s -> assert !found(s) : "build.log unexpectedly contains: ${s}" }

// the version comes from the project's dependencies, collected without downloading the jar
has('[ERROR] src/main/resources/mail.properties:2:1: error: [MP006 server-identity-check-disabled] mail.smtps '
        + 'JavaMail 1.6.2 (com.sun.mail:javax.mail) does not check the server\'s identity unless '
        + 'mail.smtps.ssl.checkserveridentity=true: any certificate from a trusted CA is accepted for smtp.example.com')
has('fix: set mail.smtps.ssl.checkserveridentity=true, or upgrade to Angus Mail 1.1.0 or later')
has('note: mail library versions used (from Maven dependencies): com.sun.mail:javax.mail 1.6.2')
lacks('NullPointerException')
lacks('DependencyCollectionException')
assert !new File(localRepositoryPath, 'com/sun/mail/javax.mail/1.6.2/javax.mail-1.6.2.jar').exists() : 'the jar was downloaded'

def json = new JsonSlurper().parse(new File(basedir, 'target/mailports/mailports-report.json'))
assert json.summary.errors == 1
def libs = json.endpoints[0].libraries
assert libs.find { it.coordinates == 'com.sun.mail:javax.mail' }?.version == '1.6.2' : libs
