import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert !log.contains('ConcurrentModificationException')
assert !log.contains('NullPointerException')
(1..6).each { i ->
    // bound to the phase, each module checks itself; the console path is relative to the top of the build,
    // and the finding with its fix and see lines is one log call, never interleaved with another module's
    assert log =~ /(?m)^\[ERROR\] m${i}\/src\/main\/resources\/application\.yml:4:5: error: \[MP003 [^\n]*\n  fix: [^\n]*\n  see: mvn mailports:rule -Drule=MP003$/ : "m${i}"
    def report = new File(basedir, "m${i}/target/mailports/mailports-report.json")
    assert report.isFile() : "m${i} wrote no report"
    def json = new JsonSlurper().parse(report)
    assert json.summary.files == 1
    assert json.summary.endpoints == 1
    assert json.findings.size() == 1
    def f = json.findings[0]
    assert f.ruleId == 'MP003'
    assert f.file == 'src/main/resources/application.yml'
    assert f.line == 4 && f.column == 5
    assert f.message.contains("smtp-m${i}.example.com:465") : 'a module reported another module\'s endpoint'
    assert json.endpoints[0].host == "smtp-m${i}.example.com"
}
true
