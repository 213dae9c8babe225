"""The floor for start-up time: a typer app of certadvise's shape, doing nothing else."""

from typing import Annotated

import typer

app = typer.Typer(add_completion=False)


@app.command()
def recommend(goal: Annotated[str | None, typer.Option("--goal")] = None) -> None:
    """Rank things."""
    typer.echo(f"recommend {goal}")


@app.command()
def compare(names: list[str]) -> None:
    """Compare things."""
    typer.echo(" ".join(names))


@app.command("list")
def list_(org: Annotated[str | None, typer.Option("--org")] = None) -> None:
    """List things."""
    typer.echo(f"list {org}")


if __name__ == "__main__":
    app()
