using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChuyenDe.Modules.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Commendations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CommendationDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerOrganizationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FilePath = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommendationDecisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CommendationRecipients",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DecisionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OrganizationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Position = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Achievement = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommendationRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommendationRecipients_CommendationDecisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "CommendationDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommendationProposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitOrganizationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DecisionId = table.Column<int>(type: "INTEGER", nullable: true),
                    RecipientId = table.Column<int>(type: "INTEGER", nullable: true),
                    DecidedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedByUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommendationProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommendationProposals_CommendationDecisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "CommendationDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CommendationProposals_CommendationRecipients_RecipientId",
                        column: x => x.RecipientId,
                        principalTable: "CommendationRecipients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "CommendationRecipientItems",
                columns: table => new
                {
                    RecipientId = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentItemId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommendationRecipientItems", x => new { x.RecipientId, x.ContentItemId });
                    table.ForeignKey(
                        name: "FK_CommendationRecipientItems_CommendationRecipients_RecipientId",
                        column: x => x.RecipientId,
                        principalTable: "CommendationRecipients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommendationDecisions_Key",
                table: "CommendationDecisions",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommendationDecisions_Published_Date",
                table: "CommendationDecisions",
                columns: new[] { "Published", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_CommendationProposals_DecisionId",
                table: "CommendationProposals",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_CommendationProposals_RecipientId",
                table: "CommendationProposals",
                column: "RecipientId");

            migrationBuilder.CreateIndex(
                name: "IX_CommendationProposals_RoundId",
                table: "CommendationProposals",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_CommendationProposals_SourceKey",
                table: "CommendationProposals",
                column: "SourceKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommendationRecipientItems_ContentItemId",
                table: "CommendationRecipientItems",
                column: "ContentItemId");

            migrationBuilder.CreateIndex(
                name: "IX_CommendationRecipients_DecisionId",
                table: "CommendationRecipients",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_CommendationRecipients_OrganizationId",
                table: "CommendationRecipients",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_CommendationRecipients_SourceKey",
                table: "CommendationRecipients",
                column: "SourceKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommendationProposals");

            migrationBuilder.DropTable(
                name: "CommendationRecipientItems");

            migrationBuilder.DropTable(
                name: "CommendationRecipients");

            migrationBuilder.DropTable(
                name: "CommendationDecisions");
        }
    }
}
