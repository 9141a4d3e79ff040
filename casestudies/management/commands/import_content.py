"""`manage.py import_content FILE.json [--dry-run] [--publish]`: all or nothing, idempotent by slug."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, OutputWrapper
from tqdm import tqdm

from casestudies.content_format import ContentError, apply, load, plan
from casestudies.content_format.importer import ACTIONS, CHANGE, CREATE, PUBLISH, UNCHANGED, ImportPlan

PAST = {CREATE: "created", CHANGE: "changed", PUBLISH: "published", UNCHANGED: "unchanged"}
FUTURE = {CREATE: "to create", CHANGE: "to change", PUBLISH: "to publish", UNCHANGED: "unchanged"}
PLURALS = {"pioneer": "pioneers", "case study": "case studies", "barrier": "barriers", "workaround": "workarounds"}
PROGRESS_LINE_EVERY = 1000  # pages, when stderr is not a terminal


class Command(BaseCommand):
    help = (
        "Import pioneers, case studies, barriers and workarounds from a pioneer-exchange/1 JSON file. "
        "Everything is checked first: one error and nothing is written. Pages are matched by slug; "
        "a changed record becomes a new revision. Drafts unless --publish."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="A JSON file in format pioneer-exchange/1.")
        parser.add_argument("--dry-run", action="store_true", help="Report what would change; write nothing.")
        parser.add_argument("--publish", action="store_true", help="Publish what is imported (default: drafts).")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar or progress lines.")

    def handle(self, *args, file: str, dry_run: bool = False, publish: bool = False, **options):
        try:
            content = load(file)
        except ContentError as error:
            count = len(error.errors)
            listing = "\n".join(f"  {shown(message)}" for message in error.errors)
            raise CommandError(
                f"{file}: {count} error{'s' if count != 1 else ''}, nothing was imported:\n{listing}"
            ) from None
        import_plan = plan(content, publish=publish)
        verbosity = options["verbosity"]
        if dry_run:
            self._report(import_plan, verbosity, detail_from=1, words=FUTURE)
            mode = "published" if publish else "drafts"
            self.stdout.write(f"Dry run of {file} ({mode}): nothing was written.")
            return
        with self._progress(len(import_plan.writes), options["no_progress"] or verbosity == 0) as progress:
            apply(import_plan, progress=progress)
        if verbosity:
            self._report(import_plan, verbosity, detail_from=2, words=PAST)
            mode = "published" if publish else "as drafts"
            self.stdout.write(self.style.SUCCESS(f"Imported {file} {mode}."))

    def _report(self, import_plan: ImportPlan, verbosity: int, *, detail_from: int, words: dict[str, str]) -> None:
        if verbosity >= detail_from:
            for step in import_plan.steps:
                if step.action != UNCHANGED or verbosity >= 2:
                    self.stdout.write(f"  {words[step.action]:<10} {step.kind:<11} {step.name}")
        for kind, counts in import_plan.counts().items():
            summary = ", ".join(f"{counts[action]} {words[action]}" for action in ACTIONS)
            self.stdout.write(f"{PLURALS[kind]}: {summary}")

    def _progress(self, total: int, quiet: bool):
        return _Progress(total, self.stderr, quiet)


def shown(text: str) -> str:
    """Text from the file as it may go to a terminal: control characters (an escape sequence in a key)
    and lone surrogates (which no terminal encoding can write) shown as escapes."""
    return "".join(character if character.isprintable() else repr(character)[1:-1] for character in text)


def _stream(output):
    """The file under Django's OutputWrapper(s): tqdm redraws with \r, which the wrapper would end with \n."""
    while isinstance(output, OutputWrapper):
        output = output._out
    return output


class _Progress:
    """A bar on a terminal; otherwise a line every PROGRESS_LINE_EVERY pages (for big files only)."""

    def __init__(self, total: int, stderr, quiet: bool):
        self.total, self.stderr, self.quiet = total, stderr, quiet
        self.bar = None

    def __enter__(self):
        if not self.quiet and self.total and self.stderr.isatty():
            self.bar = tqdm(total=self.total, unit="page", desc="Writing pages", file=_stream(self.stderr))
        return self

    def __call__(self, done: int, total: int) -> None:
        last = done == total
        if self.bar is not None:
            self.bar.update(1)
            if last:
                self.bar.set_description("Revisions and search index")
        elif not self.quiet and total >= PROGRESS_LINE_EVERY and (done % PROGRESS_LINE_EVERY == 0 or last):
            self.stderr.write(f"{done}/{total} pages written" + ("; revisions and search index next" if last else ""))

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.close()
        return False
