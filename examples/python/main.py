"""The four reads of cloudreads from Python: a Pulumi program run by the Automation API.

    pip install -r requirements.txt
    pulumi stack init dev
    pulumi config set cloudreads:huaweicloudRegion cn-north-4
    pulumi config set --secret cloudreads:huaweicloudToken ...     # or AK/SK; see docs/python.md
    ...
    python main.py up        # also: preview, outputs, refresh, destroy

The program is inline (`program` in program.py): the Automation API serves it to the Pulumi CLI
itself, so no Python language host is needed. The stack's config lives beside this file
(Pulumi.<stack>.yaml), as with any Pulumi project. The engine installs the provider plugin on
first use.
"""

import json
import os
import re
import sys
from importlib.metadata import version

from pulumi import automation as auto

from program import program

# The engine's message when the plugin version the SDK asks for is not installed and it may not,
# or could not, download it.
MISSING_PLUGIN = re.compile(
    r"no resource plugin 'pulumi-resource-([\w-]+)' found in the workspace at version v(\S+) or on your \$PATH(?: from (\S+))?"
)


def explain_missing_plugin(workspace: auto.Workspace, error: auto.CommandError) -> str:
    """The error's text, and when it is the engine's missing-plugin message, which plugin versions
    are installed and the command that installs the one the SDK wants."""
    text = str(error)
    m = MISSING_PLUGIN.search(text)
    if m is None:
        return text
    name, want, server = m.group(1), m.group(2), m.group(3)
    installed = [p.version for p in workspace.list_plugins() if p.name == name and p.kind == "resource" and p.version]
    install = f"pulumi plugin install resource {name} {want}" + (f" --server {server}" if server else "")
    return (
        f"{text}\nthe Python SDK pulumi_cloudreads {version('pulumi_cloudreads')} asks for the {name} plugin {want}; "
        f"installed versions of it: {', '.join(installed) or 'none'}. Run `{install}`, "
        "or let the engine download it (PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION unset)"
    )


def main() -> None:
    command = sys.argv[1] if len(sys.argv) > 1 else "up"
    stack_name = sys.argv[2] if len(sys.argv) > 2 else "dev"
    here = os.path.dirname(os.path.abspath(__file__))
    stack = auto.create_or_select_stack(
        stack_name=stack_name,
        project_name="cloudreads-python",
        program=program,
        opts=auto.LocalWorkspaceOptions(work_dir=here),
    )
    try:
        if command == "preview":
            stack.preview(on_output=print)
        elif command == "up":
            stack.up(on_output=print)
        elif command == "refresh":
            stack.refresh(on_output=print)
        elif command == "destroy":
            stack.destroy(on_output=print)
        elif command == "outputs":
            # Secret outputs are shown as "[secret]".
            outputs = stack.outputs()
            print(json.dumps({k: "[secret]" if v.secret else v.value for k, v in outputs.items()}, indent=2))
        else:
            sys.exit(f"unknown command {command!r}: use preview, up, outputs, refresh or destroy")
    except auto.CommandError as e:
        sys.exit(f"cloudreads-python: {explain_missing_plugin(stack.workspace, e)}")


if __name__ == "__main__":
    main()
