using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ChuyenDe.Modules.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OwnerOrganizationId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Period = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FilePath = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    Published = table.Column<bool>(type: "boolean", nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommendationDecisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CommendationRecipients",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DecisionId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OrganizationId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Position = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Achievement = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    SourceKey = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SourceKey = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    UnitOrganizationId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DecisionId = table.Column<int>(type: "integer", nullable: true),
                    RecipientId = table.Column<int>(type: "integer", nullable: true),
                    DecidedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedByUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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
                    RecipientId = table.Column<int>(type: "integer", nullable: false),
                    ContentItemId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommendationRecipientItems", x => new { x.RecipientId, x.ContentItemId });
                    table.ForeignKey(
                        name: "FK_CommendationRecipientItems_CommendationRecipients_Recipient~",
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
