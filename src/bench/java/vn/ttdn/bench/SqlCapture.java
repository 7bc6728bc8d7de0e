package vn.ttdn.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Records the SQL the application sends while {@link #during} runs: every statement prepared or
 * executed through the application's data source (our JDBC, JPA and the engine's MyBatis alike),
 * with its bound parameters, so that the bench can EXPLAIN exactly what a request asked for. Off,
 * it only passes calls through.
 */
public class SqlCapture implements BeanPostProcessor {

    /** One statement as sent: its text, its parameters by position (null for SQL NULL), how long it ran. */
    public record Sent(String sql, Map<Integer, Object> params, long nanos) {
    }

    private static volatile List<Sent> recording;
    private static final java.util.concurrent.atomic.LongAdder COMMITS = new java.util.concurrent.atomic.LongAdder();

    /** How many times a connection of a data source this wraps was committed, since the JVM started (B1). */
    public static long commits() {
        return COMMITS.sum();
    }

    /** Another data source wrapped the same way (commits counted, statements recorded while {@link #during} runs). */
    public static DataSource counting(DataSource dataSource) {
        return (DataSource) wrap(dataSource, DataSource.class, null);
    }

    /** The statements sent while {@code work} runs (on any thread), in order. */
    public static List<Sent> during(Runnable work) {
        List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        recording = sent;
        try {
            work.run();
        } finally {
            recording = null;
        }
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    /** The application's data source, unwrapped: for statements of the bench's own that must not be recorded. */
    public static DataSource raw(DataSource dataSource) {
        return Proxy.isProxyClass(dataSource.getClass()) && Proxy.getInvocationHandler(dataSource) instanceof Pass pass
                ? (DataSource) pass.target : dataSource;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if ("dataSource".equals(beanName) && bean instanceof DataSource dataSource) {
            return wrap(dataSource, DataSource.class, null);
        }
        return bean;
    }

    private static Object wrap(Object target, Class<?> type, String sql) {
        return Proxy.newProxyInstance(SqlCapture.class.getClassLoader(), new Class<?>[] {type},
                new Pass(target, sql));
    }

    private static final class Pass implements InvocationHandler {
        private final Object target;
        private final String sql;
        private final Map<Integer, Object> params = new TreeMap<>();

        Pass(Object target, String sql) {
            this.target = target;
            this.sql = sql;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if ("unwrap".equals(name) && args[0] instanceof Class<?> type && type.isInstance(proxy)) {
                return proxy;
            }
            if ("isWrapperFor".equals(name) && args[0] instanceof Class<?> type && type.isInstance(proxy)) {
                return true;
            }
            if ("commit".equals(name) && target instanceof Connection) {
                COMMITS.increment();
            }
            List<Sent> sent = recording;
            String recorded = null;
            Map<Integer, Object> bound = Map.of();
            if (sent != null && target instanceof PreparedStatement) {
                if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index) {
                    params.put(index, "setNull".equals(name) ? null : args[1]);
                } else if ("clearParameters".equals(name)) {
                    params.clear();
                } else if (name.startsWith("execute") && (args == null || args.length == 0)) {
                    recorded = sql;
                    bound = new TreeMap<>(params);
                }
            } else if (sent != null && target instanceof Statement && name.startsWith("execute") && args != null
                    && args.length > 0 && args[0] instanceof String text) {
                recorded = text;
            }
            Object result;
            long started = System.nanoTime();
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                if (recorded != null) {
                    sent.add(new Sent(recorded, bound, System.nanoTime() - started));
                }
            }
            if (result instanceof Connection connection) {
                return wrap(connection, Connection.class, null);
            }
            if (result instanceof PreparedStatement statement && !(result instanceof java.sql.CallableStatement)
                    && args != null && args.length > 0 && args[0] instanceof String text) {
                return wrap(statement, PreparedStatement.class, text);
            }
            if (result instanceof Statement statement && "createStatement".equals(name)) {
                return wrap(statement, Statement.class, null);
            }
            return result;
        }
    }
}
