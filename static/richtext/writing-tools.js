/* Writing tools for every rich-text editor of the admin (django-prose-editor):
   - the browser's spellcheck, on;
   - a word count and reading time beside the text ("1,240 words · 6 min read"), kept up to
     date as the editor types;
   - full-screen writing: a button (and the editor's own menu button and F11) fills the window
     with the editor and puts the caret back in the text; Esc leaves it, and focus stays where
     the writer was. */
'use strict';
{
    // Reading speed for the reading time: adults read running prose at about 230 words a minute.
    const WORDS_PER_MINUTE = 230;
    // A word: a run of letters, digits and joining marks (apostrophes, hyphens inside it).
    const WORD = /[\p{L}\p{N}\p{M}]+(?:['’\-][\p{L}\p{N}\p{M}]+)*/gu;
    const numbers = new Intl.NumberFormat('en-GB');

    function countWords(text) {
        return (text.match(WORD) || []).length;
    }

    function describe(words) {
        const minutes = words ? Math.ceil(words / WORDS_PER_MINUTE) : 0;
        return `${numbers.format(words)} ${words === 1 ? 'word' : 'words'} · ${minutes} min read`;
    }

    function isFullScreen(editor) {
        return Boolean(editor.storage.fullscreen && editor.storage.fullscreen.fullscreen);
    }

    function addTools(editor, textarea) {
        const container = textarea.closest('.prose-editor') || editor.view.dom.parentElement;
        if (container.querySelector('.writing-tools')) {
            return;
        }
        editor.view.dom.setAttribute('spellcheck', 'true');
        // The editable area is named by the field's label, as the textarea it stands for was.
        const label = textarea.id && document.querySelector(`label[for="${textarea.id}"]`);
        if (label && !editor.view.dom.hasAttribute('aria-label')) {
            editor.view.dom.setAttribute('aria-label', label.textContent.replace(/:$/, '').trim());
        }

        const tools = document.createElement('div');
        tools.className = 'writing-tools';
        const count = document.createElement('span');
        count.className = 'writing-tools__count';
        count.dataset.wordCount = '';
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'writing-tools__fullscreen';
        tools.append(count, button);
        container.append(tools);

        let pending = null;
        const recount = () => {
            pending = null;
            const words = countWords(editor.getText({blockSeparator: '\n'}));
            count.textContent = describe(words);
            count.dataset.wordCount = String(words);
        };
        const showState = () => {
            const on = isFullScreen(editor);
            button.textContent = on ? 'Leave full screen (Esc)' : 'Full screen';
            button.setAttribute('aria-pressed', on ? 'true' : 'false');
            document.documentElement.classList.toggle('writing-full-screen', on);
        };
        recount();
        showState();

        editor.on('update', () => {
            // Counting a long text on every keystroke would slow typing down.
            if (pending === null) {
                pending = window.setTimeout(recount, 150);
            }
        });
        // The editor's own ways in and out (its menu button, F11, Esc inside the text).
        editor.on('transaction', showState);

        // In, the text takes the focus (the editor's command puts it back where the caret
        // was); out, the focus stays on the button.
        button.addEventListener('click', () => {
            editor.commands.toggleFullscreen();
            showState();
        });
        // Esc leaves full screen from anywhere in it, not only from inside the text (the
        // editor's own shortcut), and focus stays where it was.
        container.addEventListener('keydown', (event) => {
            if (event.key === 'Escape' && isFullScreen(editor) && !editor.view.hasFocus()) {
                event.preventDefault();
                const focused = document.activeElement;
                editor.commands.toggleFullscreen();
                showState();
                if (focused instanceof HTMLElement) {
                    focused.focus();
                }
            }
        });
    }

    document.addEventListener('prose-editor:ready', (event) => {
        addTools(event.detail.editor, event.detail.textarea);
    });
}
