package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"

	_ "modernc.org/sqlite" // FerretDB's SQLite driver, registered as "sqlite"
)

// FerretDB v1.24's SQLite backend looks a document up by _id — the one
// query it hands SQLite, and every update and delete by _id — with the
// expression _ferretdb_sjson->'$._id', but the unique index it creates on
// _id is on _ferretdb_sjson->"_id", which SQLite does not take for it: each
// lookup read the whole table (30 ms at 5,000 documents). indexLookups adds,
// beside FerretDB's own, an index on the very expression of its lookups,
// in the database file of an embedded server this process runs.

// idIndexSuffix names the indexes indexLookups adds.
const idIndexSuffix = "_innoport_id"

// indexLookups creates the lookup index of every collection of database db
// under dir.
func indexLookups(ctx context.Context, dir, db string) error {
	conn, err := sql.Open("sqlite", "file:"+filepath.Join(dir, db+".sqlite")+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return fmt.Errorf("open the embedded store's file: %w", err)
	}
	defer conn.Close()
	rows, err := conn.QueryContext(ctx, `SELECT table_name FROM _ferretdb_collections`)
	if err != nil {
		return fmt.Errorf("list the embedded store's tables: %w", err)
	}
	var tables []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			rows.Close()
			return err
		}
		tables = append(tables, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, t := range tables {
		q := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %q ON %q (_ferretdb_sjson->'$._id')`, t+idIndexSuffix, t)
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("index lookups of %s: %w", t, err)
		}
	}
	return nil
}
