package io.github.mailports.extract;

import io.github.mailports.config.ConfigEntry;
import io.github.mailports.config.ConfigFile;
import io.github.mailports.config.XmlElement;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * The mail settings an XML file the user includes holds outside a Logback, Log4j2 or autoconfig structure, as
 * entries the Jakarta Mail and mail URL extractors read like any other file's:
 * <ul>
 *   <li>an attribute value or element text that holds a mail URL: Spring Integration's
 *       {@code store-uri="imaps://..."}, Camel's {@code <to uri="smtps://..."/>} (key {@code element.attribute});</li>
 *   <li>Spring XML's {@code <prop key="mail.smtp.starttls.enable">true</prop>} (key {@code mail.smtp.starttls.enable});</li>
 *   <li>a {@code JavaMailSenderImpl} bean's {@code host}, {@code port}, {@code protocol}, {@code username} and
 *       {@code password} properties, which the sender passes to {@code connect()} and which win over the session's
 *       keys: given as {@code mail.<protocol>.host} and so on, so that the group is judged with them.</li>
 * </ul>
 * Several {@code <props>} blocks in one file are read as one (the last key wins). Elements are visited without
 * recursion (a deep file cannot exhaust the stack).
 */
final class XmlValues {
    private static final String SENDER = "JavaMailSenderImpl";

    private XmlValues() {
    }

    /** The entries of an XML file, in document order; empty for any other file. */
    static List<ConfigEntry> of(ConfigFile file) {
        List<ConfigEntry> out = new ArrayList<>();
        if (file.xml() == null) return out;
        Deque<XmlElement> todo = new ArrayDeque<>();
        todo.push(file.xml());
        while (!todo.isEmpty()) {
            XmlElement e = todo.pop();
            visit(e, out);
            List<XmlElement> children = e.children();
            for (int i = children.size() - 1; i >= 0; i--) todo.push(children.get(i));
        }
        return out;
    }

    private static void visit(XmlElement e, List<ConfigEntry> out) {
        for (XmlElement.Attribute a : e.attributes()) {
            if (mentionsMailUrl(a.value())) {
                out.add(ConfigEntry.of(e.name() + "." + a.name(), a.value(), a.line(), a.column(), a.line(), a.column(), 0));
            }
        }
        String local = e.localName();
        if (local.equals("prop")) {
            String key = e.attributeValue("key");
            if (key != null && key.startsWith("mail.")) {
                out.add(ConfigEntry.of(key, e.text(), e.line(), e.column(), e.textLine(), e.textColumn(), 0));
            }
        } else if (e.children().isEmpty() && mentionsMailUrl(e.text())) {
            out.add(ConfigEntry.of(e.name(), e.text(), e.line(), e.column(), e.textLine(), e.textColumn(), 0));
        } else if (local.equals("bean") && String.valueOf(e.attributeValue("class")).endsWith(SENDER)) {
            sender(e, out);
        }
    }

    /** A Spring {@code JavaMailSenderImpl} bean: its connect() arguments as the protocol's keys. */
    private static void sender(XmlElement bean, List<ConfigEntry> out) {
        String protocol = "smtp";
        for (XmlElement p : bean.children()) {
            if (p.localName().equals("property") && "protocol".equals(p.attributeValue("name"))) {
                String v = value(p);
                if (v != null && !v.trim().isEmpty()) protocol = v.trim();
            }
        }
        for (XmlElement p : bean.children()) {
            if (!p.localName().equals("property")) continue;
            String name = String.valueOf(p.attributeValue("name"));
            String key;
            switch (name) {
                case "host": key = "mail." + protocol + ".host"; break;
                case "port": key = "mail." + protocol + ".port"; break;
                case "username": key = "mail." + protocol + ".user"; break;
                case "password": key = "mail." + protocol + ".password"; break;
                case "protocol": key = "mail.transport.protocol"; break;
                default: continue;
            }
            String v = value(p);
            if (v == null) continue;
            XmlElement.Attribute attr = p.attribute("value");
            int line = attr != null ? attr.line() : p.line();
            int column = attr != null ? attr.column() : p.column();
            out.add(ConfigEntry.of(key, v, line, column, line, column, 0));
        }
    }

    /** {@code <property name="x" value="v"/>} or {@code <property name="x"><value>v</value></property>}. */
    private static String value(XmlElement property) {
        String v = property.attributeValue("value");
        if (v != null) return v;
        XmlElement child = property.child("value");
        return child == null ? null : child.text();
    }

    private static boolean mentionsMailUrl(String v) {
        if (v == null || v.indexOf(':') < 0) return false;
        String lower = v.toLowerCase(Locale.ROOT);
        return lower.contains("smtp") || lower.contains("imap") || lower.contains("pop3");
    }
}
