package vn.ttdn.directory.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.EnumSet;
import java.util.Set;
import vn.ttdn.directory.Account;
import vn.ttdn.directory.Role;

@Entity
@Table(name = "person")
public class PersonEntity {

    @Id
    private String username;
    private String fullName;
    private String title;
    private String bodyCode;
    private String email;
    private String passwordHash;
    private boolean enabled = true;
    private java.time.LocalDate bodySince;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "person_role", joinColumns = @JoinColumn(name = "username"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    protected PersonEntity() {
    }

    public PersonEntity(String username, String fullName, String title, String bodyCode, String email,
                        String passwordHash, Set<Role> roles) {
        this.username = username;
        this.fullName = fullName;
        this.title = title;
        this.bodyCode = bodyCode;
        this.email = email;
        this.passwordHash = passwordHash;
        this.roles.addAll(roles);
    }

    /** The person's details changed in place: the row stays, so what they did keeps naming them. */
    public void update(String fullName, String title, String bodyCode, String email, String passwordHash,
                       Set<Role> roles) {
        this.fullName = fullName;
        this.title = title;
        this.bodyCode = bodyCode;
        this.email = email;
        this.passwordHash = passwordHash;
        this.roles.clear();
        this.roles.addAll(roles);
    }

    public String getUsername() {
        return username;
    }

    public String getFullName() {
        return fullName;
    }

    public String getTitle() {
        return title;
    }

    public String getBodyCode() {
        return bodyCode;
    }

    public String getEmail() {
        return email;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public Account toAccount() {
        return new Account(username, fullName, bodyCode, passwordHash, enabled, Set.copyOf(roles));
    }

    public java.time.LocalDate getBodySince() {
        return bodySince;
    }

    /** An administrator's edit of the person's details, in place; the password is left as it is. */
    public void change(String fullName, String title, String email, Set<Role> roles) {
        this.fullName = fullName;
        this.title = title;
        this.email = email;
        this.roles.clear();
        this.roles.addAll(roles);
    }

    /** The person works for another body from this day (the body they left is kept in the history). */
    public void moveTo(String bodyCode, java.time.LocalDate since) {
        this.bodyCode = bodyCode;
        this.bodySince = since;
    }

    /** Since when the person works for their body, when first recorded without a move. */
    public void setBodySince(java.time.LocalDate since) {
        this.bodySince = since;
    }

    /** A deactivated person cannot sign in; the row stays, since what they did names them. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
