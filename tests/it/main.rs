//! The integration tests, one binary: a module per concern, each listing its tests for the runner
//! in `support/harness.rs` (skips are named and counted, and fail under CI).

#[path = "../support/mod.rs"]
mod support;
use support::{common, harness, outside, server, wait};

mod api_accounts;
mod api_audit_filters;
mod api_auth;
mod api_desk;
mod api_errors;
mod api_memory;
mod api_memory_entries;
mod api_statements;
mod api_unavailable;
mod cli;
mod clients;
mod concurrency;
mod contract;
mod crash_safety;
mod demo;
mod eval_alignment;
mod eval_segmentation;
mod exchange;
mod headline;
mod hostile_files;
mod import_hostile;
mod languages;
mod migrations;
mod multi_instance;
mod operations;
mod outbound;
mod public_pages;
mod secrets;
mod security;
mod store;
mod webhooks;
mod workflow_assign;
mod workflow_publish;
mod workflow_roles;
mod workflow_source;
mod workflow_units;
mod xliff_conformance;

fn main() -> std::process::ExitCode {
    harness::main([
        api_accounts::tests().named("api_accounts"),
        api_audit_filters::tests().named("api_audit_filters"),
        api_auth::tests().named("api_auth"),
        api_desk::tests().named("api_desk"),
        api_errors::tests().named("api_errors"),
        api_memory::tests().named("api_memory"),
        api_memory_entries::tests().named("api_memory_entries"),
        api_statements::tests().named("api_statements"),
        api_unavailable::tests().named("api_unavailable"),
        cli::tests().named("cli"),
        clients::tests().named("clients"),
        concurrency::tests().named("concurrency"),
        contract::tests().named("contract"),
        crash_safety::tests().named("crash_safety"),
        demo::tests().named("demo"),
        eval_alignment::tests().named("eval_alignment"),
        eval_segmentation::tests().named("eval_segmentation"),
        exchange::tests().named("exchange"),
        headline::tests().named("headline"),
        hostile_files::tests().named("hostile_files"),
        import_hostile::tests().named("import_hostile"),
        languages::tests().named("languages"),
        migrations::tests().named("migrations"),
        multi_instance::tests().named("multi_instance"),
        operations::tests().named("operations"),
        outbound::tests().named("outbound"),
        public_pages::tests().named("public_pages"),
        secrets::tests().named("secrets"),
        security::tests().named("security"),
        store::tests().named("store"),
        webhooks::tests().named("webhooks"),
        workflow_assign::tests().named("workflow_assign"),
        workflow_publish::tests().named("workflow_publish"),
        workflow_roles::tests().named("workflow_roles"),
        workflow_source::tests().named("workflow_source"),
        workflow_units::tests().named("workflow_units"),
        xliff_conformance::tests().named("xliff_conformance"),
    ])
}
