using System;
using Microsoft.EntityFrameworkCore.Migrations;


namespace Ats.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class Attachments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "attachments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    candidate_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    format = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    object_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    previous_version_id = table.Column<Guid>(type: "uuid", nullable: true),
                    superseded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    extraction_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    failure_reason = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    failure_detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    extracted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    text_length = table.Column<int>(type: "integer", nullable: true),
                    language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attachments", x => x.id);
                    table.ForeignKey(
                        name: "fk_attachments_attachments_previous_version_id",
                        column: x => x.previous_version_id,
                        principalTable: "attachments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_attachments_candidates_candidate_id",
                        column: x => x.candidate_id,
                        principalTable: "candidates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "file_access_log",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    attachment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    candidate_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    user_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    key_id = table.Column<Guid>(type: "uuid", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_file_access_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "attachment_texts",
                columns: table => new
                {
                    attachment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attachment_texts", x => x.attachment_id);
                    table.ForeignKey(
                        name: "fk_attachment_texts_attachments_attachment_id",
                        column: x => x.attachment_id,
                        principalTable: "attachments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contact_suggestions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    candidate_id = table.Column<Guid>(type: "uuid", nullable: false),
                    attachment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    value = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    normalized = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    site = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contact_suggestions", x => x.id);
                    table.ForeignKey(
                        name: "fk_contact_suggestions_attachments_attachment_id",
                        column: x => x.attachment_id,
                        principalTable: "attachments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_contact_suggestions_candidates_candidate_id",
                        column: x => x.candidate_id,
                        principalTable: "candidates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "extraction_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    attachment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    not_before = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    locked_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_extraction_jobs", x => x.id);
                    table.ForeignKey(
                        name: "fk_extraction_jobs_attachments_attachment_id",
                        column: x => x.attachment_id,
                        principalTable: "attachments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_attachments_candidate_id_sha256",
                table: "attachments",
                columns: new[] { "candidate_id", "sha256" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_attachments_extraction_status",
                table: "attachments",
                column: "extraction_status");

            migrationBuilder.CreateIndex(
                name: "ix_attachments_object_key",
                table: "attachments",
                column: "object_key");

            migrationBuilder.CreateIndex(
                name: "ix_attachments_previous_version_id",
                table: "attachments",
                column: "previous_version_id");

            migrationBuilder.CreateIndex(
                name: "ix_contact_suggestions_attachment_id",
                table: "contact_suggestions",
                column: "attachment_id");

            migrationBuilder.CreateIndex(
                name: "ix_contact_suggestions_candidate_id_kind_normalized",
                table: "contact_suggestions",
                columns: new[] { "candidate_id", "kind", "normalized" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_extraction_jobs_attachment_id",
                table: "extraction_jobs",
                column: "attachment_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_extraction_jobs_not_before",
                table: "extraction_jobs",
                column: "not_before");

            migrationBuilder.CreateIndex(
                name: "ix_file_access_log_attachment_id",
                table: "file_access_log",
                column: "attachment_id");

            migrationBuilder.CreateIndex(
                name: "ix_file_access_log_candidate_id_at",
                table: "file_access_log",
                columns: new[] { "candidate_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attachment_texts");

            migrationBuilder.DropTable(
                name: "contact_suggestions");

            migrationBuilder.DropTable(
                name: "extraction_jobs");

            migrationBuilder.DropTable(
                name: "file_access_log");

            migrationBuilder.DropTable(
                name: "attachments");
        }
    }
}
