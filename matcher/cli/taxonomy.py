"""``matcher taxonomy``: browse, validate and export the skills taxonomy."""

from __future__ import annotations

from pathlib import Path

import click

from matcher.cli.common import emit_json
from matcher.cli.group import CONTEXT_SETTINGS, MatcherGroup, cli
from matcher.cli.options import format_option, taxonomy_option

LISTABLE = ("skills", "levels", "industries", "certifications", "roadmap", "categories")


@cli.group(cls=MatcherGroup, context_settings=CONTEXT_SETTINGS)
def taxonomy() -> None:
    """Browse, validate and export the skills taxonomy.

    \b
    Example:
      matcher taxonomy list skills --category rag
      matcher taxonomy show langchain
      matcher taxonomy validate my-skills.yaml
      matcher taxonomy export --format yaml > taxonomy.yaml
    """


@taxonomy.command("list")
@click.argument("what", type=click.Choice(LISTABLE), default="skills", required=False)
@click.option("--category", metavar="C", help="Only skills of this category (skills only).")
@taxonomy_option
@format_option("table", "json")
def taxonomy_list(
    what: str, category: str | None, taxonomy_file: Path | None, output_format: str
) -> None:
    """List skills (default), levels, industries, certifications, roadmap steps or categories.

    \b
    Example:
      matcher taxonomy list --category generative-ai
      matcher taxonomy list levels --format json
    """
    from matcher import render
    from skills_taxonomy import load_taxonomy
    from skills_taxonomy.export import to_dict

    tax = load_taxonomy(taxonomy_file)
    if category is not None:
        if what != "skills":
            raise click.UsageError("--category applies to skills only")
        known = [c.id for c in tax.categories]
        if category not in known:
            raise click.BadParameter(
                f"{category!r} is not a category; one of: {', '.join(known)}",
                param_hint="--category",
            )
    rows = to_dict(tax)[what]
    if category is not None:
        rows = [row for row in rows if row["category"] == category]
    if output_format == "json":
        emit_json({what: rows})
    else:
        click.echo(render.taxonomy_list(what, rows, tax), nl=False)


@taxonomy.command("show")
@click.argument("ident", metavar="ID")
@taxonomy_option
@format_option("table", "json")
def taxonomy_show(ident: str, taxonomy_file: Path | None, output_format: str) -> None:
    """Show one skill, level, industry, certification or roadmap step by its id.

    \b
    Example:
      matcher taxonomy show sagemaker
      matcher taxonomy show head-of-ai --format json
    """
    from matcher import render
    from skills_taxonomy import load_taxonomy
    from skills_taxonomy.export import find_entry

    tax = load_taxonomy(taxonomy_file)
    found = find_entry(tax, ident)
    if found is None:
        raise click.BadParameter(
            f"no skill, level, industry, certification or roadmap step has the id {ident!r} "
            "(see `matcher taxonomy list`)",
            param_hint="ID",
        )
    kind, entry = found
    if output_format == "json":
        emit_json({"kind": kind, kind: entry})
    else:
        click.echo(render.taxonomy_entry(kind, entry, tax), nl=False)


@taxonomy.command("validate")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False), required=False)
def taxonomy_validate(file: Path | None) -> None:
    """Check the shipped taxonomy, merged with FILE if given; list every problem.

    Exits 0 when valid, 5 with every problem (file:line: message) on stderr otherwise.

    \b
    Example:
      matcher taxonomy validate
      matcher taxonomy validate my-skills.yaml
    """
    from skills_taxonomy import load_taxonomy

    tax = load_taxonomy(file)
    forms = sum(len(s.aliases) + len(s.forms) for s in tax.skills)
    source = file.name if file is not None else "shipped taxonomy"
    click.echo(
        f"{source}: valid (version {tax.version}: {len(tax.skills)} skills, "
        f"{forms} surface forms, {len(tax.levels)} levels, {len(tax.industries)} industries, "
        f"{len(tax.certifications)} certifications, {len(tax.roadmap)} roadmap steps)"
    )


@taxonomy.command("export")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["json", "yaml"]),
    default="json",
    show_default=True,
    help="Output format.",
)
@taxonomy_option
def taxonomy_export(output_format: str, taxonomy_file: Path | None) -> None:
    """Print the whole merged taxonomy, as other tools would consume it.

    \b
    Example:
      matcher taxonomy export --format yaml > taxonomy.yaml
      matcher taxonomy export --taxonomy my-skills.yaml > merged.json
    """
    from skills_taxonomy import load_taxonomy
    from skills_taxonomy.export import to_dict

    data = to_dict(load_taxonomy(taxonomy_file))
    if output_format == "json":
        emit_json(data)
    else:
        import yaml

        click.echo(yaml.safe_dump(data, sort_keys=True, allow_unicode=True), nl=False)
