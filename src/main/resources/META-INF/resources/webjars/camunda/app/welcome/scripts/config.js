// spotcheck's Welcome page (the webapps' own customisation point, not a patched jar): its name,
// and a link to the managers' dashboard, which uses this same login
export default {
  app: {
    name: 'Welcome',
    vendor: 'spotcheck'
  },
  links: [
    {
      label: 'Dashboard',
      href: '/dashboard',
      description: 'Budget, funnel, hit rate, waiting cases and appeals (managers, process owners, admins)'
    }
  ]
};
