import { createApp } from 'vue';
import { DeepLakeClient } from 'deeplake-elements/client';
import App from './App.vue';

const params = new URLSearchParams(location.search);
const client = new DeepLakeClient({ apiUrl: params.get('api')!, workspace: params.get('ws')!, tokenProvider: () => params.get('token')! });

createApp(App, { client }).mount('#app');
