package vn.ttdn.approval;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.security.CurrentUser;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** In-app notices to bodies, read per person. A collective (nơi nhận "Các sở, ban, ngành") reaches its members. */
@Service
@Transactional
public class Notifications {

    private final JdbcTemplate jdbc;
    private final DirectoryService directory;

    Notifications(JdbcTemplate jdbc, DirectoryService directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /** Notifies each body once, collectives through their members; returns the bodies reached. */
    public Set<String> notify(Collection<String> bodyCodes, Long planId, String message) {
        Set<String> reached = directory.expandCollectives(bodyCodes);
        Timestamp now = Timestamp.from(Instant.now());
        for (String body : reached) {
            jdbc.update("insert into ttdn.notification (body_code, plan_id, message, created_at) values (?, ?, ?, ?)",
                    body, planId, message, now);
        }
        return reached;
    }

    @Transactional(readOnly = true)
    public List<NotificationView> forUser(CurrentUser user, int limit) {
        return jdbc.query("""
                select n.id, n.plan_id, n.message, n.created_at, r.read_at is not null as is_read
                from ttdn.notification n
                left join ttdn.notification_read r on r.notification_id = n.id and r.username = ?
                where n.body_code = ? order by n.id desc limit ?""", (rs, i) -> new NotificationView(rs.getLong("id"),
                (Long) rs.getObject("plan_id"), rs.getString("message"), rs.getTimestamp("created_at").toInstant(),
                rs.getBoolean("is_read")), user.username(), user.bodyCode(), limit);
    }

    @Transactional(readOnly = true)
    public int unread(CurrentUser user) {
        Integer n = jdbc.queryForObject("""
                select count(*) from ttdn.notification n
                where n.body_code = ? and not exists (select 1 from ttdn.notification_read r
                                                      where r.notification_id = n.id and r.username = ?)""",
                Integer.class, user.bodyCode(), user.username());
        return n == null ? 0 : n;
    }

    /** Marks every notice of the reader's body as read by them. */
    public void markAllRead(CurrentUser user) {
        jdbc.update("""
                insert into ttdn.notification_read (notification_id, username, read_at)
                select n.id, ?, ? from ttdn.notification n where n.body_code = ?
                on conflict do nothing""", user.username(), Timestamp.from(Instant.now()), user.bodyCode());
    }
}
