import{a as e,d as t}from"./format-D3FODGfL.js";import{d as n,h as r,l as i,m as a}from"./console-BxAiUOTi.js";import{t as o}from"./jsx-runtime-BVdZ9n9D.js";var s=o();t(`
  fragment MatchFields on Match {
    id
    score
    program
    explanation { factor weight value contribution detail }
    target {
      __typename
      ... on Startup { id name }
      ... on FundCall { id title }
      ... on Investor { id name }
      ... on Mentor { id name }
      ... on Incubator { id name }
    }
  }
`);function c(e){let t=e.target;switch(t.__typename){case`FundCall`:return{to:`/calls/${encodeURIComponent(t.id)}`,name:t.title};case`Startup`:return{to:`/startups/${encodeURIComponent(t.id)}`,name:t.name};case`Incubator`:return{to:null,name:e.program?`${t.name} — ${e.program}`:t.name};default:return{to:null,name:t.name}}}function l({m:t,onDismiss:o,onBookmark:l}){let u=r(),{lang:d}=a(),{to:f,name:p}=c(t);return(0,s.jsxs)(`article`,{className:`card match`,children:[(0,s.jsxs)(`header`,{className:`row`,children:[(0,s.jsx)(`h3`,{children:f?(0,s.jsx)(n,{to:f,children:p}):p}),(0,s.jsx)(`span`,{className:`score`,"aria-label":u(`Mức phù hợp`,`Fit`),children:e(d,t.score)})]}),(0,s.jsxs)(`details`,{children:[(0,s.jsx)(`summary`,{children:u(`Vì sao phù hợp`,`Why it fits`)}),(0,s.jsxs)(`table`,{className:`explain`,children:[(0,s.jsx)(`caption`,{className:`sr-only`,children:u(`Các yếu tố cộng lại thành điểm`,`The factors that add up to the score`)}),(0,s.jsx)(`thead`,{children:(0,s.jsxs)(`tr`,{children:[(0,s.jsx)(`th`,{scope:`col`,children:u(`Yếu tố`,`Factor`)}),(0,s.jsx)(`th`,{scope:`col`,children:u(`Đóng góp`,`Adds`)}),(0,s.jsx)(`th`,{scope:`col`,children:u(`Chi tiết`,`Detail`)})]})}),(0,s.jsx)(`tbody`,{children:t.explanation.map(e=>(0,s.jsxs)(`tr`,{children:[(0,s.jsx)(`th`,{scope:`row`,children:i(u,`factor`,e.factor)}),(0,s.jsxs)(`td`,{children:[`+`,e.contribution.toFixed(3)]}),(0,s.jsx)(`td`,{children:e.detail})]},e.factor))}),(0,s.jsx)(`tfoot`,{children:(0,s.jsxs)(`tr`,{children:[(0,s.jsx)(`th`,{scope:`row`,children:u(`Tổng`,`Total`)}),(0,s.jsx)(`td`,{children:t.score.toFixed(3)}),(0,s.jsx)(`td`,{})]})})]})]}),(o||l)&&(0,s.jsxs)(`div`,{className:`actions`,children:[l&&(0,s.jsx)(`button`,{type:`button`,onClick:l,children:u(`Đánh dấu quan tâm`,`Bookmark`)}),o&&(0,s.jsx)(`button`,{type:`button`,className:`quiet`,onClick:o,children:u(`Ẩn gợi ý này`,`Dismiss`)})]})]})}function u({text:e}){let t=e.split(/<\/?em>/),n=e=>e.replace(/&lt;/g,`<`).replace(/&gt;/g,`>`).replace(/&quot;/g,`"`).replace(/&#39;/g,`'`).replace(/&amp;/g,`&`);return(0,s.jsx)(s.Fragment,{children:t.map((e,t)=>t%2?(0,s.jsx)(`mark`,{children:n(e)},t):n(e))})}export{u as n,l as t};