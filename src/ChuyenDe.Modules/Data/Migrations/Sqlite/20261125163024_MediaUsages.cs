using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChuyenDe.Modules.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MediaUsages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MediaUsages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Path = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    ContentItemId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Latest = table.Column<bool>(type: "INTEGER", nullable: false),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediaUsages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MediaUsages_ContentItemId",
                table: "MediaUsages",
                column: "ContentItemId");

            migrationBuilder.CreateIndex(
                name: "IX_MediaUsages_Path_ContentItemId",
                table: "MediaUsages",
                columns: new[] { "Path", "ContentItemId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MediaUsages");
        }
    }
}
