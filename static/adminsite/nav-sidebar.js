/* On a tablet the admin's navigation sidebar starts closed: open, it took 300px of a 1024px
   screen from the lists and forms. Its « button opens it, and Django remembers the choice
   (localStorage), which this script never overrides. Runs before Django's nav_sidebar.js
   (both deferred; this one comes first in the page). */
'use strict';
{
    const KEY = 'django.admin.navSidebarIsOpen';
    try {
        if (localStorage.getItem(KEY) === null && window.matchMedia('(max-width: 1199px)').matches) {
            localStorage.setItem(KEY, 'false');
        }
    } catch (error) {
        // Storage refused (a private window's settings): the sidebar stays as Django opens it.
    }
}
