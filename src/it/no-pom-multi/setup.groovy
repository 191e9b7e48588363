// A read-only output folder. root writes through permissions, so also try the immutable flag (needs
// CAP_LINUX_IMMUTABLE); verify.groovy clears it first thing, so that mvn clean can delete the folder.
def ro = new File(basedir, 'gradle/ro-out')
ro.mkdirs()
ro.setWritable(false, false)
try { ['chattr', '+i', ro.path].execute().waitFor() } catch (IOException ignored) { }
def probe = new File(ro, 'probe')
def writable = false
try { writable = probe.createNewFile(); probe.delete() } catch (IOException ignored) { }
new File(basedir, 'ro-writable.txt').text = String.valueOf(writable)
true
