/* Names for the admin's controls that Django and select2 leave without one, on every admin page
   (base_site.html). Found by the axe sweep (tests/browser/desk/test_admin_accessibility.py):
   - inputs in a table (list_editable columns of a change list, tabular inlines) have only a
     column header: each is named after its column, and in a list after its row's title;
   - a file input without a current file is labelled only by its fieldset's legend;
   - select2 boxes (autocompletes, tags) are named after their field's label; the "clear all"
     cross inside the chosen tags' list is hidden from screen readers (Backspace removes tags);
   - help icons carry aria-label on a bare <span>: they get role="img";
   - a list filter's choice for an empty value ("") is a link with no text: "(blank)".
   Rows added later (inlines, select2 redrawing) are named as they appear. */
'use strict';
{
    const CONTROLS = 'input:not([type=hidden]):not([type=submit]):not([type=button])' +
        ':not([type=image]):not([type=reset]), select, textarea';

    function words(element) {
        return element ? element.textContent.replace(/\s+/g, ' ').replace(/\s*:\s*$/, '').trim() : '';
    }

    function isNamed(control) {
        if (control.getAttribute('aria-label') || control.getAttribute('aria-labelledby')) {
            return true;
        }
        return Array.from(control.labels || []).some((label) => words(label) !== '');
    }

    function columnHeader(cell) {
        const table = cell.closest('table');
        const head = table && table.tHead && table.tHead.rows[0];
        if (!head) {
            return '';
        }
        let start = 0;
        for (const before of cell.parentElement.cells) {
            if (before === cell) {
                break;
            }
            start += before.colSpan;
        }
        let column = 0;
        for (const header of head.cells) {
            if (start < column + header.colSpan) {
                return words(header.querySelector('.text') || header);
            }
            column += header.colSpan;
        }
        return '';
    }

    function nameFromContext(control) {
        const cell = control.closest('td, th');
        if (cell && cell.closest('thead') === null) {
            const column = columnHeader(cell);
            const rowTitle = control.closest('#result_list') && words(cell.parentElement.querySelector('th'));
            return [column, rowTitle].filter(Boolean).join(', ');
        }
        const fieldset = control.closest('fieldset');
        return fieldset ? words(fieldset.querySelector(':scope > legend')) : '';
    }

    function nameControls(root) {
        root.querySelectorAll(CONTROLS).forEach((control) => {
            if (control.closest('.select2-container') || isNamed(control)) {
                return;
            }
            const name = nameFromContext(control);
            if (name) {
                control.setAttribute('aria-label', name);
            }
        });
    }

    let labelIds = 0;

    function labelId(select) {
        const label = (select.labels || [])[0];
        if (!label) {
            return null;
        }
        if (!label.id) {
            labelIds += 1;
            label.id = `label-for-${select.id || labelIds}`;
        }
        return label.id;
    }

    function nameSelect2(container) {
        const select = container.previousElementSibling;
        if (!select || select.tagName !== 'SELECT') {
            return;
        }
        const id = labelId(select);
        const name = id ? words(document.getElementById(id)) : select.getAttribute('aria-label');
        if (!name) {
            return;
        }
        container.querySelectorAll('.select2-selection[role=combobox]').forEach((box) => {
            // select2 names a single choice's box by the choice shown, which is empty at first.
            const rendered = box.querySelector('.select2-selection__rendered[id]');
            const ids = [id, rendered && rendered.id].filter(Boolean).join(' ');
            if (id && box.getAttribute('aria-labelledby') !== ids) {
                box.setAttribute('aria-labelledby', ids);
            } else if (!id) {
                box.setAttribute('aria-label', name);
            }
        });
        container.querySelectorAll('.select2-selection__rendered[role=textbox], .select2-search__field')
            .forEach((field) => {
                if (field.getAttribute('aria-label') !== name) {
                    field.setAttribute('aria-label', name);
                }
            });
        container.querySelectorAll('ul.select2-selection__rendered > :not(li)').forEach((extra) => {
            extra.setAttribute('aria-hidden', 'true');
        });
    }

    function nameAll(root) {
        nameControls(root);
        root.querySelectorAll('.select2-container').forEach(nameSelect2);
        root.querySelectorAll('.help-tooltip[aria-label]:not([role])').forEach((icon) => {
            icon.setAttribute('role', 'img');
        });
        root.querySelectorAll('#changelist-filter li > a').forEach((choice) => {
            if (!words(choice)) {
                choice.textContent = '(blank)';
            }
        });
    }

    let scheduled = false;

    function nameSoon() {
        if (!scheduled) {
            scheduled = true;
            window.requestAnimationFrame(() => {
                scheduled = false;
                nameAll(document);
            });
        }
    }

    document.addEventListener('DOMContentLoaded', () => {
        nameAll(document);
        // Typing in a rich-text editor changes its DOM on every key: nothing to name there.
        const outsideEditors = (record) => !record.target.closest('.ProseMirror');
        new MutationObserver((records) => {
            if (records.some(outsideEditors)) {
                nameSoon();
            }
        }).observe(document.body, {childList: true, subtree: true});
    });
    window.addEventListener('load', nameSoon);
}
