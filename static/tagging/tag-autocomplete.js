/* Tag fields in the admin: Django's select2 autocomplete, plus typing a new tag.
   A new tag is submitted as "new:<name>" so that it is never read as a tag's key. */
'use strict';
{
    const $ = django.jQuery;

    function initTagAutocomplete(element) {
        $(element).select2({
            ajax: {
                data: (params) => ({
                    term: params.term,
                    page: params.page,
                    app_label: element.dataset.appLabel,
                    model_name: element.dataset.modelName,
                    field_name: element.dataset.fieldName,
                }),
            },
            tags: true,
            // The width of the field, not of the empty <select> (about 105px, which cut the
            // chosen tags off).
            width: '100%',
            createTag: (params) => {
                const term = $.trim(params.term);
                return term ? {id: 'new:' + term, text: term, newTag: true} : null;
            },
        });
    }

    document.addEventListener('DOMContentLoaded', () => {
        document.querySelectorAll('select[data-tag-autocomplete]').forEach(initTagAutocomplete);
    });
}
