using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;


namespace Ats.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class Deduplication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "merged_at",
                table: "candidates",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "merged_into_id",
                table: "candidates",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: true),
                    other_subject_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    details = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "duplicate_suggestions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    first_id = table.Column<Guid>(type: "uuid", nullable: false),
                    second_id = table.Column<Guid>(type: "uuid", nullable: false),
                    score = table.Column<double>(type: "double precision", nullable: false),
                    decision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reasons = table.Column<List<string>>(type: "text[]", nullable: false),
                    decided_evidence = table.Column<List<string>>(type: "text[]", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    rejected_by_person = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    decision_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_duplicate_suggestions", x => x.id);
                    table.ForeignKey(
                        name: "fk_duplicate_suggestions_candidates_first_id",
                        column: x => x.first_id,
                        principalTable: "candidates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_duplicate_suggestions_candidates_second_id",
                        column: x => x.second_id,
                        principalTable: "candidates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "match_keys",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    candidate_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_match_keys", x => new { x.key, x.candidate_id });
                });

            migrationBuilder.CreateTable(
                name: "match_queue",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    candidate_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enqueued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_match_queue", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "merges",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kept_id = table.Column<Guid>(type: "uuid", nullable: false),
                    merged_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    automatic = table.Column<bool>(type: "boolean", nullable: false),
                    score = table.Column<double>(type: "double precision", nullable: true),
                    match_reasons = table.Column<List<string>>(type: "text[]", nullable: false),
                    match_evidence = table.Column<List<string>>(type: "text[]", nullable: false),
                    kept_before = table.Column<string>(type: "jsonb", nullable: false),
                    merged_before = table.Column<string>(type: "jsonb", nullable: false),
                    kept_after = table.Column<string>(type: "jsonb", nullable: false),
                    field_sources = table.Column<string>(type: "jsonb", nullable: false),
                    moved_contacts = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    moved_sources = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    moved_notes = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    moved_files = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    moved_applications = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    moved_contact_suggestions = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    undone_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    undone_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    undo_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_merges", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_candidates_merged_into_id",
                table: "candidates",
                column: "merged_into_id",
                filter: "merged_into_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_at",
                table: "audit_log",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_other_subject_id_at",
                table: "audit_log",
                columns: new[] { "other_subject_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_subject_id_at",
                table: "audit_log",
                columns: new[] { "subject_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_duplicate_suggestions_first_id_second_id",
                table: "duplicate_suggestions",
                columns: new[] { "first_id", "second_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_duplicate_suggestions_second_id",
                table: "duplicate_suggestions",
                column: "second_id");

            migrationBuilder.CreateIndex(
                name: "ix_duplicate_suggestions_state_score",
                table: "duplicate_suggestions",
                columns: new[] { "state", "score" });

            migrationBuilder.CreateIndex(
                name: "ix_match_keys_candidate_id",
                table: "match_keys",
                column: "candidate_id");

            migrationBuilder.CreateIndex(
                name: "ix_match_queue_candidate_id",
                table: "match_queue",
                column: "candidate_id");

            migrationBuilder.CreateIndex(
                name: "ix_merges_kept_id_at",
                table: "merges",
                columns: new[] { "kept_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_merges_merged_id_at",
                table: "merges",
                columns: new[] { "merged_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "duplicate_suggestions");

            migrationBuilder.DropTable(
                name: "match_keys");

            migrationBuilder.DropTable(
                name: "match_queue");

            migrationBuilder.DropTable(
                name: "merges");

            migrationBuilder.DropIndex(
                name: "ix_candidates_merged_into_id",
                table: "candidates");

            migrationBuilder.DropColumn(
                name: "merged_at",
                table: "candidates");

            migrationBuilder.DropColumn(
                name: "merged_into_id",
                table: "candidates");
        }
    }
}
