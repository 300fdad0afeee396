using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChuyenDe.Modules.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LicenseUris : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Licence values become URIs (LicenseUriMigrationSql): the stored versions, then the part definitions' options.
            for (var pass = 0; pass < LicenseUriMigrationSql.Passes; pass++)
            {
                migrationBuilder.Sql(LicenseUriMigrationSql.PostgresContent);
            }

            migrationBuilder.Sql(LicenseUriMigrationSql.PostgresDefinitions);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing: the URIs stay (the catalogue still reads the older codes, but not the other way round).
        }
    }
}
