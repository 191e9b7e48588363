package demo;

public class Plain {
    String trim(String email) { return email.trim(); }
}
