import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def found = { s -> s instanceof java.util.regex.Pattern ? s.matcher(log).find() : log.contains(s) }
def has = { s -> assert found(s) : "build.log lacks: ${s}" }

// the default includes read src/main/java: the sender's finding is at the Java call, with a fix in Java
has('[ERROR] src/main/java/demo/MailConfig.java:9:20: error: [MP003 implicit-tls-port-without-tls] JavaMailSenderImpl mailSender')
has('mailSender.getJavaMailProperties().put("mail.smtp.ssl.enable", "true")')

def json = new JsonSlurper().parse(new File(basedir, 'target/mailports/mailports-report.json'))
assert json.findings.collect { [it.ruleId, it.severity, it.file, it.line] } == [
        ['MP003', 'ERROR', 'src/main/java/demo/MailConfig.java', 9],
        ['MP900', 'INFO', 'src/main/java/demo/Templates.java', 7],
]
// Plain.java mentions no mail: scanned, never parsed, not counted
assert json.summary.files == 2
assert json.summary.errors == 1
true
