import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// has/lacks: text or a regular expression (~/.../) expected in build.log; a failure names it without dumping the log
def found = { s -> s instanceof java.util.regex.Pattern ? s.matcher(log).find() : log.contains(s) }
def has = { s -> assert found(s) : "build.log lacks: ${s}" }
def lacks = { s -> assert !found(s) : "build.log unexpectedly contains: ${s}" }

def file = 'autoconfig/config-v1.1.xml'
has(~/\[INFO\] mailports: 1 file read, 4 endpoints found: 0 errors, 0 warnings, 0 infos, 0 suppressed, 0 baselined in \d+ ms/)
// STARTTLS on 587 listed after the SSL server on 465 is Thunderbird's fallback: no MP013 advice (the merged
// autoconfig behaviour, see docs/rules/MP013.md), and the build passes
lacks('[MP013 ')
lacks(': error: [')
lacks(': warning: [')
has('BUILD SUCCESS')

def json = new JsonSlurper().parse(new File(basedir, 'target/mailports/mailports-report.json'))
assert json.summary.files == 1
assert json.summary.endpoints == 4
assert json.findings.isEmpty()
def byId = json.endpoints.collectEntries { [(it.id): it] }
assert byId.keySet() == ['autoconfig:example.com:imap#1', 'autoconfig:example.com:pop3#1',
                         'autoconfig:example.com:smtp#1', 'autoconfig:example.com:smtp#2'] as Set
json.endpoints.each { assert it.source == 'autoconfig' && it.file == file }
def imap = byId['autoconfig:example.com:imap#1']
assert imap.host == 'imap.example.com' && imap.port == 993 && imap.encryption == 'IMPLICIT_TLS' && imap.protocol == 'imaps'
def pop3 = byId['autoconfig:example.com:pop3#1']
assert pop3.host == 'pop.example.com' && pop3.port == 995 && pop3.encryption == 'IMPLICIT_TLS' && pop3.protocol == 'pop3s'
def smtps = byId['autoconfig:example.com:smtp#1']
assert smtps.port == 465 && smtps.encryption == 'IMPLICIT_TLS' && smtps.protocol == 'smtps'
def submission = byId['autoconfig:example.com:smtp#2']
assert submission.port == 587 && submission.encryption == 'STARTTLS_REQUIRED' && submission.protocol == 'smtp'
true
