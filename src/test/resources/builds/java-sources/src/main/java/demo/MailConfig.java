package demo;

import org.springframework.mail.javamail.JavaMailSenderImpl;

public class MailConfig {
    public JavaMailSenderImpl mailSender() {
        JavaMailSenderImpl mailSender = new JavaMailSenderImpl();
        mailSender.setHost("smtp.example.com");
        mailSender.setPort(465);
        mailSender.getJavaMailProperties().put("mail.smtp.timeout", "10000");
        mailSender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "10000");
        mailSender.getJavaMailProperties().put("mail.smtp.writetimeout", "10000");
        return mailSender;
    }
}
