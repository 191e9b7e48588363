import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// has/lacks: text or a regular expression (~/.../) expected in build.log; a failure names it without dumping the log
def found = { s -> s instanceof java.util.regex.Pattern ? s.matcher(log).find() : log.contains(s) }
def has = { s -> assert found(s) : "build.log lacks: ${s}" }
def lacks = { s -> assert !found(s) : "build.log unexpectedly contains: ${s}" }

// prod (what a packaged application runs as): the default mailer requires STARTTLS, only advice remains
has('[INFO] src/main/resources/application.properties:7:1: info: [MP013 prefer-implicit-tls] quarkus.mailer (profile prod)'
        + ' connects to smtp://smtp.prod.example.com:587 with required STARTTLS')
// staging, from the quoted "%staging" key of application.yaml: optional STARTTLS for the default mailer ...
has('[WARNING] src/main/resources/application.yaml:7:7: warning: [MP002 opportunistic-starttls] quarkus.mailer (profile staging)'
        + ' connects to smtp://smtp.staging.example.com:587 with STARTTLS that is not required')
// ... and trust-all for the named mailer, which fails the build
has('[ERROR] src/main/resources/application.yaml:10:9: error: [MP007 certificate-trust-disabled] quarkus.mailer.marketing'
        + ' (profile staging) trusts every certificate for smtps://email-smtp.eu-west-1.amazonaws.com:465')
// dev: the default mailer is the mock mailer, so its DISABLED STARTTLS opens no connection and is not reported
lacks('profile dev')
lacks('application.properties:22:')
has(~/\[INFO\] mailports: 2 files read, 3 endpoints found: 1 error, 1 warning, 1 info, 0 suppressed, 0 baselined in \d+ ms/)
has(~/mailports: \d+ (errors?|findings?) at or above ERROR in \d+ files? \(MP\d{3} \d+/)
has('BUILD FAILURE')

def json = new JsonSlurper().parse(new File(basedir, 'target/mailports/mailports-report.json'))
assert json.findings.size() == 3
def byRule = json.findings.collectEntries { [(it.ruleId): it] }
assert byRule.keySet() == ['MP013', 'MP002', 'MP007'] as Set

def mp013 = byRule.MP013
assert mp013.severity == 'INFO' && mp013.file == 'src/main/resources/application.properties'
assert mp013.line == 7 && mp013.column == 1
assert mp013.key == 'quarkus.mailer.start-tls' && mp013.profiles == ['prod'] && mp013.endpoint == 'quarkus.mailer'
assert mp013.fix == 'set quarkus.mailer.port=465 and quarkus.mailer.tls=true, and remove quarkus.mailer.start-tls'

def mp002 = byRule.MP002
assert mp002.severity == 'WARNING' && mp002.file == 'src/main/resources/application.yaml'
assert mp002.line == 7 && mp002.column == 7
assert mp002.key == '%staging.quarkus.mailer.start-tls' && mp002.profiles == ['staging'] && mp002.endpoint == 'quarkus.mailer'
assert mp002.fix.startsWith('set quarkus.mailer.start-tls: REQUIRED')

def mp007 = byRule.MP007
assert mp007.severity == 'ERROR' && mp007.file == 'src/main/resources/application.yaml'
assert mp007.line == 10 && mp007.column == 9
assert mp007.key == '%staging.quarkus.mailer.marketing.trust-all' && mp007.profiles == ['staging']
assert mp007.endpoint == 'quarkus.mailer.marketing'

// endpoints: the default mailer once per profile that connects, the named mailer once for every profile
assert json.endpoints.size() == 3
def prod = json.endpoints.find { it.id == 'quarkus.mailer' && it.profiles == ['prod'] }
assert prod.source == 'quarkus' && prod.file == 'src/main/resources/application.properties'
assert prod.protocol == 'smtp' && prod.host == 'smtp.prod.example.com' && prod.port == 587 && prod.encryption == 'STARTTLS_REQUIRED'
def staging = json.endpoints.find { it.id == 'quarkus.mailer' && it.profiles == ['staging'] }
assert staging.file == 'src/main/resources/application.yaml'
assert staging.host == 'smtp.staging.example.com' && staging.port == 587 && staging.encryption == 'STARTTLS_OPTIONAL'
def marketing = json.endpoints.find { it.id == 'quarkus.mailer.marketing' }
assert marketing.profiles == ['dev', 'prod', 'staging'] // named mailers are not mocked in dev
assert marketing.protocol == 'smtps' && marketing.host == 'email-smtp.eu-west-1.amazonaws.com' && marketing.port == 465
assert marketing.encryption == 'IMPLICIT_TLS'
assert !json.endpoints.any { it.id == 'quarkus.mailer' && it.profiles.contains('dev') }

assert json.summary.files == 2
assert json.summary.endpoints == 3
assert json.summary.errors == 1
assert json.summary.warnings == 1
assert json.summary.infos == 1
true
