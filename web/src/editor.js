/* The code editor of the exercise pages: CodeMirror 6 with Python mode.
   Bundled by esbuild at build time (sourcewise.site.runner) into runner/editor.js, which
   runner.js imports the first time a student uses the editor. Colours come from classes
   (tok-keyword, tok-string, ...) styled in runner.css for the light and the dark scheme.
   Long lines wrap and the editor grows with its text, so it never scrolls on its own
   (a scrolling box would need a focus stop of its own). Tab indents; Escape then Tab leaves the editor (CodeMirror's indentWithTab convention). */
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import {
  bracketMatching,
  indentOnInput,
  indentUnit,
  syntaxHighlighting,
} from "@codemirror/language";
import { EditorState } from "@codemirror/state";
import {
  drawSelection,
  EditorView,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { classHighlighter } from "@lezer/highlight";

/* Replace `textarea` with an editor holding the same text; `onChange(text)` is called on
   every edit. Returns {getText, setText, focus, view}. */
export function createEditor(textarea, onChange) {
  const label = textarea.getAttribute("aria-label") || "Code";
  const view = new EditorView({
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        indentUnit.of("    "),
        EditorState.tabSize.of(4),
        python(),
        EditorView.lineWrapping, // no scrolling inside the editor: the page scrolls
        syntaxHighlighting(classHighlighter),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorView.contentAttributes.of({ "aria-label": label, "aria-describedby": textarea.getAttribute("aria-describedby") || "" }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  textarea.hidden = true;
  textarea.after(view.dom);
  return {
    view,
    getText: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    focus: () => view.focus(),
  };
}
